using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports.Operation;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// A SOC 2 evidence report (docs/report-format.md): what the auditor receives. Holds integers, strings and booleans
/// only — never a floating-point number — so its canonical form (RFC 8785) is exact and the signature reproducible.
/// </summary>
public sealed record EvidenceReport(
    ReportMeta Meta,
    ReportValidation Validation,
    IReadOnlyDictionary<string, CriterionStatus> Criteria,
    IReadOnlyDictionary<string, ControlEvidence> Controls,
    IReadOnlyList<EvidenceRequest> EvidenceRequests,
    ReportSamples Samples,
    ReportSections Sections);

/// <summary>
/// The criteria view on its own (the HTTP API's <c>?section=criteria</c>), signed like a report: the meta, with the
/// ingestion summary of the events it was judged on, and <c>criteria</c>.
/// </summary>
public sealed record CriteriaReport(ReportMeta Meta, IReadOnlyDictionary<string, CriterionStatus> Criteria)
{
    /// <summary>The name the HTTP API gives the criteria view beside the sections' (<c>?section=criteria</c>).</summary>
    public const string SectionName = "criteria";
}

/// <summary>
/// Who, when, over which window, from which catalog and which events. <c>CatalogSource</c> says where the catalogs
/// came from (a folder, or the sample catalogs built into the tool); it is absent when the host does not say.
/// <c>Provenance</c> says how the populations were pulled, when there is more to say than the inputs of <c>Ingestion</c>.
/// </summary>
public sealed record ReportMeta(
    string ReportVersion,
    string OrgId,
    string? OrgName,
    string GeneratedAt,
    ReportWindowInfo Window,
    string CatalogFingerprint,
    string? CatalogSource,
    IngestionSummary? Ingestion,
    ReportProvenance? Provenance = null);

/// <summary>
/// One section on its own (the HTTP API's <c>?section=</c>), signed like a report: the meta, and <c>sections</c> holding
/// only that section under its report member name. The meta has no ingestion summary when the section is not counted
/// from events.
/// </summary>
public sealed record SectionReport(ReportMeta Meta, ReportSections Sections);

/// <summary>The window: inclusive calendar dates in a time zone (IANA id), and the UTC instants it spans.</summary>
public sealed record ReportWindowInfo(string From, string To, string Tz, int Days, string StartUtc, string EndUtc);

/// <summary>
/// What happened to the events read for the report: read = accepted + duplicates + rejected (+ unmapped), and accepted =
/// inWindow + outsideWindow + otherAccounts. <c>Source</c> is <c>events</c> (JSON Lines, a log source's files, or events
/// handed in) or <c>store</c>; <c>Inputs</c> names each input, with a file's size and SHA-256, the log source that mapped
/// it, and whether it was damaged; <c>Quarantine</c> says where rejected records were written, when any were and the
/// place has a name. <c>Unmapped</c>, with the most frequent native names, is present only when a log source was read.
/// </summary>
public sealed record IngestionSummary(
    string Source,
    IReadOnlyList<InputProvenance> Inputs,
    long Read,
    long Accepted,
    long Duplicates,
    long Rejected,
    long? Unmapped,
    IReadOnlyList<NativeNameCount>? UnmappedNames,
    long? UnmappedOther,
    long InWindow,
    long OutsideWindow,
    long OtherAccounts,
    bool TruncatedLastLine,
    string? Quarantine)
{
    /// <summary>True when an input could not be read to its end (a damaged gzip): the population may be incomplete.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AnyDamaged => Inputs.Any(i => i.Damaged is not null);

    /// <summary>How many native names of unmapped records a summary shows by name; the rest are counted together.</summary>
    public const int TopUnmappedNames = 10;

    /// <summary>The summary of a report's inputs, each input's counts added up, with the tally's classification.</summary>
    public static IngestionSummary Of(string source, IReadOnlyList<InputRead> inputs, WindowCounts classified, IEventQuarantine? quarantine)
    {
        var total = inputs.Aggregate(IngestionCounts.None, (sum, input) => sum + input.Counts);

        // Additive: a report that read no log source is written exactly as before.
        bool mapped = inputs.Any(i => i.Provenance.LogSource is not null);
        var (top, other) = total.UnmappedByName.Top(TopUnmappedNames);
        return new IngestionSummary(
            source,
            inputs.Select(i => i.Provenance).ToArray(),
            total.Read,
            total.Accepted,
            total.Duplicates,
            total.Rejected,
            mapped ? total.Unmapped : null,
            mapped ? top : null,
            mapped ? other : null,
            classified.InWindow,
            classified.OutsideWindow,
            classified.OtherAccounts,
            total.TruncatedLastLine,
            quarantine is { Count: > 0, Location: { } location } ? location : null);
    }
}

/// <summary>
/// Type II validation of the window, with the report-wide daily coverage it is judged on and the exceptions of the
/// in-scope controls with evidence rules (each control's are in its <see cref="ControlEvidence.Operation"/>).
/// </summary>
public sealed record ReportValidation(
    int ObservationDays,
    bool TypeII,
    int MinimumObservationDays,
    int GapDays,
    int DaysWithEvidence,
    IReadOnlyList<CoverageGap> CoverageGaps,
    int ControlExceptions,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, long> DailyEvidence);

/// <summary>A run of consecutive days in the window without evidence, inclusive dates.</summary>
public sealed record CoverageGap(string Start, string End, int Days);

/// <summary>
/// One control's evidence over the window, and its operating test. <c>InScope</c>: it claims a criterion in scope, so its
/// exceptions decide Type II.
/// </summary>
public sealed record ControlEvidence(
    string Name,
    string Description,
    string Owner,
    string Cadence,
    IReadOnlyList<string> Criteria,
    bool InScope,
    long EvidenceCount,
    string Summary,
    IReadOnlyDictionary<string, long> Outcomes,
    ControlCoverage Coverage,
    ControlOperation Operation,
    IReadOnlyList<SampleEvent> SampleEvents);

/// <summary>How a control's evidence is spread over the window's days.</summary>
public sealed record ControlCoverage(int Days, int DaysWithEvidence, IReadOnlyList<CoverageGap> Gaps, IReadOnlyDictionary<string, long> Daily);

/// <summary>An evidence event as shown in the report (time in UTC).</summary>
public sealed record SampleEvent(
    string Id,
    string Time,
    string Type,
    string? Outcome,
    string Actor,
    string? Resource,
    string? Ip);
