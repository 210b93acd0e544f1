using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// The report's samples (docs/report-format.md, "samples"): for every control, a sample of its population whose size is
/// fixed by the control's cadence (or, for an occurrence-driven control, by the population's size) and whose selection
/// is derived from the population itself, so that nobody can pick it or draw it again.
/// </summary>
/// <param name="Method">The selection rule and its version (<c>evidence-sample/1</c>), the first element of every seed.</param>
/// <param name="Controls">One entry per control of the catalogs, by id.</param>
public sealed record ReportSamples(string Method, IReadOnlyDictionary<string, ControlSample> Controls);

/// <summary>One control's sample.</summary>
/// <param name="Basis"><c>cadence</c> (a fixed size, drawn in strata) or <c>occurrences</c> (sized by the population).</param>
/// <param name="Cadence">The control's cadence, as declared.</param>
/// <param name="Size">The sample size the rule gives for this population.</param>
/// <param name="PopulationSize">Evidence events of the control in the window (its <c>evidenceCount</c>).</param>
/// <param name="PopulationDigest">Sum of the population's element digests modulo 2^128, 32 hex digits.</param>
/// <param name="Seed">SHA-256 of the seed's array, 64 hex digits.</param>
/// <param name="Strata">The strata of a cadence sample, in time order; absent for a sample by occurrences.</param>
/// <param name="Events">The sampled events, ordered by instant, then id (UTF-8 bytes): <c>min(size, populationSize)</c> of them.</param>
public sealed record ControlSample(
    string Basis,
    string Cadence,
    int Size,
    long PopulationSize,
    string PopulationDigest,
    string Seed,
    IReadOnlyList<SampleStratum>? Strata,
    IReadOnlyList<SampledEvent> Events);

/// <summary>A run of consecutive window days that a sample draws from on its own.</summary>
/// <param name="From">First day, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Population">Evidence events of the control on these days.</param>
/// <param name="Allotted">Events the stratum is to give (fewer when it has fewer).</param>
/// <param name="Drawn">Events drawn from it in the first stage.</param>
public sealed record SampleStratum(string From, string To, long Population, int Allotted, int Drawn);

/// <summary>A sampled event as the report shows it (time in UTC); <c>Stratum</c> is the stratum it was drawn from (1 for the first), absent when it filled the sample up.</summary>
public sealed record SampledEvent(
    string Id,
    string Time,
    string Type,
    string? Outcome,
    string Actor,
    string? Resource,
    string? Ip,
    int? Stratum);
