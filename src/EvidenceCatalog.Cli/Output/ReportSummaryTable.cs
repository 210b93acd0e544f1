using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// The short summary a report run ends with: where it went, the controls, the Type II result, the counts. Lines are
/// never wrapped when the output is not a terminal (a log keeps each on one line).
/// </summary>
internal static class ReportSummaryTable
{
    public static void Write(TextWriter writer, bool interactive, ReportResult result, string path, IReadOnlyList<SigningKey> keys)
    {
        var output = new SummaryOutput(writer, interactive);
        var report = result.Report;
        var table = new Table().Border(TableBorder.Rounded).Title($"{report.Meta.OrgId} {report.Meta.Window.From}..{report.Meta.Window.To} ({report.Meta.Window.Tz})");
        table.AddColumn("Control");
        table.AddColumn(new TableColumn("Evidence").RightAligned());
        table.AddColumn(new TableColumn("Days covered").RightAligned());
        table.AddColumn("Gaps");
        foreach (var (id, control) in report.Controls)
        {
            table.AddRow(
                Markup.Escape(id),
                N(control.EvidenceCount),
                $"{control.Coverage.DaysWithEvidence}/{control.Coverage.Days}",
                control.Coverage.Gaps.Count == 0 ? "-" : Markup.Escape(string.Join(", ", control.Coverage.Gaps.Take(3).Select(g => g.Start == g.End ? g.Start : g.Start + ".." + g.End)) + (control.Coverage.Gaps.Count > 3 ? ", …" : string.Empty)));
        }

        output.Table(table);
        var validation = report.Validation;
        output.Line(
            validation.TypeII
                ? $"Type II: [green]pass[/] ({validation.ObservationDays} days, no coverage gaps)"
                : $"Type II: [red]fail[/] ({validation.ObservationDays} days, {validation.CoverageGaps.Count} coverage gap(s))");
        foreach (var warning in validation.Warnings)
        {
            output.Line("  [yellow]warning:[/] " + Markup.Escape(warning));
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
            + (ingestion.Quarantine is { } q ? $" (quarantined in {q})" : string.Empty)
            + (ingestion.TruncatedLastLine ? "; the last line was truncated" : string.Empty)));
        foreach (var input in ingestion.Inputs.Where(i => i.Damaged is not null))
        {
            output.Line($"  [red]damaged:[/] " + Markup.Escape($"{input.Name}: {input.Damaged}"));
        }
    }

    private static void Signing(SummaryOutput output, IReadOnlyList<SigningKey> keys) =>
        output.Line(Markup.Escape(keys.Count == 0
            ? "signature: none (give --sign-key PEM or --hmac-key-file F to sign)"
            : "signed: " + string.Join(", ", keys.Select(k => $"{k.Algorithm} key {k.KeyId}"))));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
