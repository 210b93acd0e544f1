using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Runtime.Signing;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>The short summary a report run ends with: where it went, the controls, the Type II result, the counts.</summary>
internal static class ReportSummaryTable
{
    public static void Write(TextWriter writer, bool interactive, ReportOutcome outcome, IReadOnlyList<SigningKey> keys)
    {
        var console = TerminalConsole.Create(writer, interactive);
        var report = outcome.Report;
        var ingestion = report.Meta.Ingestion!;
        if (outcome.CsvRows is { } rows)
        {
            console.WriteLine($"wrote {outcome.Path}: {N(rows)} rows (control × evidence event) from {N(ingestion.InWindow)} events in the window");
        }
        else
        {
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

            console.Write(table);
            var validation = report.Validation;
            console.MarkupLine(validation.TypeII
                ? $"Type II: [green]pass[/] ({validation.ObservationDays} days, no coverage gaps)"
                : $"Type II: [red]fail[/] ({validation.ObservationDays} days, {validation.CoverageGaps.Count} coverage gap(s))");
            foreach (var warning in validation.Warnings)
            {
                console.MarkupLine("  [yellow]warning:[/] " + Markup.Escape(warning));
            }

            foreach (var (name, section) in report.Sections.All().Where(s => s.Section.Status != "ok"))
            {
                console.MarkupLine($"  [yellow]degraded:[/] {name}: " + Markup.Escape(section.Reason ?? string.Empty));
            }

            console.WriteLine($"wrote {outcome.Path}");
        }

        console.WriteLine($"events: read {N(ingestion.Read)}, accepted {N(ingestion.Accepted)} ({N(ingestion.InWindow)} in window, {N(ingestion.OutsideWindow)} outside, {N(ingestion.OtherAccounts)} other accounts), duplicates {N(ingestion.Duplicates)}, rejected {N(ingestion.Rejected)}"
            + (ingestion.Quarantine is { } q ? $" (quarantined in {q})" : string.Empty)
            + (ingestion.TruncatedLastLine ? "; the last line was truncated" : string.Empty));
        console.WriteLine(keys.Count == 0
            ? "signature: none (give --sign-key PEM or --hmac-key-file F to sign)"
            : "signed: " + string.Join(", ", keys.Select(k => $"{k.Algorithm} key {k.KeyId}")));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
