using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Operation;
using EvidenceCatalog.Runtime.Signing;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// The short summary a report run ends with: the criteria by status first, then the controls with their operating tests,
/// the Type II result with its reasons, the evidence requests, where it went and the counts. Lines are never wrapped when
/// the output is not a terminal (a log keeps each on one line).
/// </summary>
internal static class ReportSummaryTable
{
    /// <summary>The order the criteria table lists statuses in: what needs attention first.</summary>
    private static readonly string[] StatusOrder =
    [
        CriterionStatuses.Exceptions, CriterionStatuses.NoControl, CriterionStatuses.Unproven, CriterionStatuses.Manual,
        CriterionStatuses.NotOccurring, CriterionStatuses.Operating, CriterionStatuses.OutOfScope,
    ];

    /// <summary>Exception periods a control's row shows before "…".</summary>
    private const int ExceptionsShown = 3;

    /// <param name="writer">Where the summary goes.</param>
    /// <param name="interactive">Whether it goes to a terminal.</param>
    /// <param name="result">The report.</param>
    /// <param name="path">Where the report was written.</param>
    /// <param name="keys">The keys it was signed with.</param>
    /// <param name="criteriaOrder">The criterion ids in the order the catalogs declare them (publication order), for the criteria table.</param>
    public static void Write(TextWriter writer, bool interactive, ReportResult result, string path, IReadOnlyList<SigningKey> keys, IReadOnlyList<string> criteriaOrder)
    {
        var output = new SummaryOutput(writer, interactive);
        var report = result.Report;
        string window = $"{report.Meta.OrgId} {report.Meta.Window.From}..{report.Meta.Window.To} ({report.Meta.Window.Tz})";
        output.Table(CriteriaTable(report.Criteria, criteriaOrder).Title("Criteria, " + window));
        output.Table(ControlsTable(report.Controls).Title("Controls, " + window));
        var validation = report.Validation;
        string gaps = validation.CoverageGaps.Count == 0 ? "no coverage gaps" : Plural(validation.CoverageGaps.Count, "coverage gap");
        string exceptions = validation.ControlExceptions == 0 ? "no control exceptions" : Plural(validation.ControlExceptions, "control exception");
        output.Line($"Type II: {(validation.TypeII ? "[green]pass[/]" : "[red]fail[/]")} ({validation.ObservationDays} days, {gaps}, {exceptions})");
        foreach (var warning in validation.Warnings)
        {
            output.Line("  [yellow]warning:[/] " + Markup.Escape(warning));
        }

        if (report.EvidenceRequests.Count > 0)
        {
            var controls = report.EvidenceRequests.Select(r => r.Control).Distinct(StringComparer.Ordinal).ToList();
            output.Line(Markup.Escape($"evidence requests: {N(report.EvidenceRequests.Count)} for {Plural(controls.Count, "manual control")} ({string.Join(", ", controls)}), in evidenceRequests of the report"));
        }

        foreach (var (definition, section) in report.Sections.Degraded())
        {
            output.Line($"  [yellow]degraded:[/] {definition.Name}: " + Markup.Escape(section.Reason ?? string.Empty));
        }

        output.Line("wrote " + Markup.Escape(path));
        Counts(output, report.Meta.Ingestion!);
        Signing(output, keys);
    }

    public static void Write(TextWriter writer, bool interactive, PopulationResult result, string path, IReadOnlyList<SigningKey> keys)
    {
        var output = new SummaryOutput(writer, interactive);
        output.Line(Markup.Escape($"wrote {path}: {N(result.Rows)} rows (control × evidence event) from {N(result.Ingestion.InWindow)} events in the window"));
        Counts(output, result.Ingestion);
        Signing(output, keys);
    }

    /// <summary>One row per status: how many criteria, and which (runs of three or more consecutive ones of a series as a range).</summary>
    private static Table CriteriaTable(IReadOnlyDictionary<string, CriterionStatus> criteria, IReadOnlyList<string> criteriaOrder)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Criteria").RightAligned());
        table.AddColumn("Which");
        var ordered = criteriaOrder.Where(criteria.ContainsKey).Concat(criteria.Keys.Except(criteriaOrder, StringComparer.Ordinal)).ToList();
        foreach (string status in StatusOrder.Concat(criteria.Values.Select(c => c.Status).Distinct().Except(StatusOrder).Order(StringComparer.Ordinal)))
        {
            var indices = ordered.Select((id, i) => (id, i)).Where(x => criteria[x.id].Status == status).Select(x => x.i).ToList();
            if (indices.Count > 0)
            {
                table.AddRow(Markup.Escape(status), N(indices.Count), Markup.Escape(Ranges(ordered, indices)));
            }
        }

        return table;
    }

    private static Table ControlsTable(IReadOnlyDictionary<string, ControlEvidence> controls)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Control");
        table.AddColumn("Cadence");
        table.AddColumn(new TableColumn("Evidence").RightAligned());
        table.AddColumn(new TableColumn("Periods").RightAligned());
        table.AddColumn("Verdict");
        table.AddColumn("Exceptions");
        foreach (var (id, control) in controls)
        {
            var operation = control.Operation;
            bool tested = operation.Verdict is not (Verdicts.Manual or Verdicts.Unproven);
            var exceptions = operation.Exceptions;
            table.AddRow(
                Markup.Escape(id),
                Markup.Escape(control.Cadence),
                tested ? N(control.EvidenceCount) : "-",
                tested ? $"{operation.Operated}/{operation.Required}" : "-",
                Markup.Escape(operation.Verdict + (control.InScope ? string.Empty : " (out of scope)")),
                exceptions.Count == 0 ? "-" : Markup.Escape(string.Join(", ", exceptions.Take(ExceptionsShown).Select(e => e.Period)) + (exceptions.Count > ExceptionsShown ? $", … ({exceptions.Count})" : string.Empty)));
        }

        return table;
    }

    /// <summary>"CC1.1–CC1.5 CC2.2 CC2.3": the ids at <paramref name="indices"/> of <paramref name="ordered"/>, runs of three or more of one series as a range.</summary>
    private static string Ranges(List<string> ordered, List<int> indices)
    {
        var parts = new List<string>();
        for (int start = 0; start < indices.Count;)
        {
            int end = start;
            while (end + 1 < indices.Count && indices[end + 1] == indices[end] + 1 && Series(ordered[indices[end + 1]]) == Series(ordered[indices[start]]))
            {
                end++;
            }

            parts.Add(end - start >= 2
                ? ordered[indices[start]] + "–" + ordered[indices[end]]
                : string.Join(" ", indices.Skip(start).Take(end - start + 1).Select(i => ordered[i])));
            start = end + 1;
        }

        return string.Join(" ", parts);
    }

    public static void Write(TextWriter writer, bool interactive, SamplesResult result, string path, IReadOnlyList<SigningKey> keys)
    {
        var output = new SummaryOutput(writer, interactive);
        int controls = result.Samples.Controls.Values.Count(s => s.Events.Count > 0);
        output.Line(Markup.Escape($"wrote {path}: {N(result.Rows)} sampled events of {N(controls)} controls ({result.Samples.Method}) from {N(result.Ingestion.InWindow)} events in the window"));
        Counts(output, result.Ingestion);
        Signing(output, keys);
    }

    private static void Counts(SummaryOutput output, IngestionSummary ingestion)
    {
        output.Line(Markup.Escape(
            $"events: read {N(ingestion.Read)}, accepted {N(ingestion.Accepted)} ({N(ingestion.InWindow)} in window, {N(ingestion.OutsideWindow)} outside, {N(ingestion.OtherAccounts)} other accounts), duplicates {N(ingestion.Duplicates)}, rejected {N(ingestion.Rejected)}"
            + (ingestion.Unmapped is { } unmapped ? $", unmapped {N(unmapped)}" : string.Empty)
            + (ingestion.Quarantine is { } q ? $" (quarantined in {q})" : string.Empty)
            + (ingestion.TruncatedLastLine ? "; the last line was truncated" : string.Empty)));
        if (ingestion.Unmapped > 0)
        {
            var names = new UnmappedNames(ingestion.UnmappedNames ?? [], ingestion.UnmappedOther ?? 0);
            output.Line("  unmapped by native name: " + Markup.Escape(IngestionSummaryText.Names(names, IngestionSummaryText.TopNames)));
        }

        foreach (var input in ingestion.Inputs.Where(i => i.LogSource is not null))
        {
            output.Line("  " + Markup.Escape($"{input.Name}: read as {input.LogSource} ({input.Container})"));
        }
        foreach (var input in ingestion.Inputs.Where(i => i.Damaged is not null))
        {
            output.Line($"  [red]damaged:[/] " + Markup.Escape($"{input.Name}: {input.Damaged}"));
        }
    }

    private static void Signing(SummaryOutput output, IReadOnlyList<SigningKey> keys) =>
        output.Line(Markup.Escape(keys.Count == 0
            ? "signature: none (give --sign-key PEM or --hmac-key-file F to sign)"
            : "signed: " + string.Join(", ", keys.Select(k => $"{k.Algorithm} key {k.KeyId}"))));

    private static string Plural(int count, string noun) => N(count) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The letters a criterion id starts with (<c>CC</c>, <c>PI</c>): a range never spans two series.</summary>
    private static string Series(string id) => id[..id.TakeWhile(char.IsAsciiLetter).Count()];
}
