using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Cli.Output;

/// <summary><c>evidence sources coverage --format markdown</c>: the text's content as GitHub-flavoured Markdown tables.</summary>
internal static class CoverageMarkdown
{
    public static void Write(TextWriter output, CoverageView view)
    {
        output.WriteLine("# Evidence coverage");
        foreach (var section in view.Sections)
        {
            Section(output, section);
        }

        Criteria(output, view);
    }

    private static void Section(TextWriter output, CoverageView.SectionView view)
    {
        var section = view.Section;
        var counts = view.Counts;
        output.WriteLine();
        output.WriteLine($"## {Text(section.Name)} (`{section.Id}`)");
        output.WriteLine();
        output.WriteLine($"Read {N(counts.Read)} records = accepted {N(counts.Accepted)} + duplicates {N(counts.Duplicates)} + rejected {N(counts.Rejected)} + unmapped {N(counts.Unmapped)}, from:");
        output.WriteLine();
        foreach (var input in section.Inputs)
        {
            output.WriteLine($"- `{input.Provenance.Name}` ({input.Provenance.Container ?? "not framed"}, {N(input.Counts.Read)} records)"
                + (input.Provenance.Damaged is { } damage ? " — **damaged**: " + Text(damage) : string.Empty));
        }

        output.WriteLine();
        output.WriteLine("### Mapped");
        output.WriteLine();
        var mapped = new List<string[]>();
        foreach (var name in view.Mapped)
        {
            mapped.AddRange(name.Mappings.Select((cell, i) => new[]
            {
                i == 0 ? Code(name.Name) : string.Empty, N(cell.Events), Code(cell.Type), cell.Outcome is null ? "-" : Code(cell.Outcome),
                cell.Controls.Count == 0 ? "none" : string.Join(", ", cell.Controls), cell.Criteria.Count == 0 ? "-" : string.Join(", ", cell.Criteria),
            }));
        }

        if (view.MappedOtherEvents > 0)
        {
            mapped.Add(["other names", N(view.MappedOtherEvents), string.Empty, string.Empty, string.Empty, string.Empty]);
        }

        Table(output, ["Native name", "Events", "Event type", "Outcome", "Controls", "Criteria"], mapped, "No record became an evidence event.");
        output.WriteLine();
        output.WriteLine("### Unmapped");
        output.WriteLine();
        var unmapped = view.Unmapped.Select(n => new[] { Code(n.Name), N(n.Count) }).ToList();
        if (view.UnmappedOther > 0)
        {
            unmapped.Add(["other names", N(view.UnmappedOther)]);
        }

        Table(output, ["Native name", "Records"], unmapped, "None: every record the source recognised was mapped by a rule.");
        output.WriteLine();
        output.WriteLine("### Rejected");
        output.WriteLine();
        var rejected = view.Rejections.Select(r => new[] { N(r.Count), Text(r.Reason) }).ToList();
        if (view.RejectionsOther > 0)
        {
            rejected.Add([N(view.RejectionsOther), "other reasons"]);
        }

        Table(output, ["Records", "Reason"], rejected, "None.");
    }

    private static void Criteria(TextWriter output, CoverageView view)
    {
        var coverage = view.Coverage;
        output.WriteLine();
        output.WriteLine("## Criteria");
        output.WriteLine();
        output.WriteLine($"The catalog's controls prove {N(view.ProvenByEvents)} criteria with events; these files give evidence for {N(coverage.Evidenced.Count)}.");
        output.WriteLine();
        output.WriteLine("### Evidence for");
        output.WriteLine();
        Table(
            output,
            ["Criterion", "Title", "Controls", "Events"],
            coverage.Evidenced.Select(e => new[] { e.Criterion, Text(e.Title), string.Join(", ", e.Controls), N(e.Events) }).ToList(),
            "None.");
        output.WriteLine();
        output.WriteLine("### No evidence in these files for");
        output.WriteLine();
        Table(
            output,
            ["Criterion", "Title", "Controls", "Take as evidence", "The source"],
            coverage.NotEvidenced.Select(g => new[]
            {
                g.Criterion, Text(g.Title), string.Join(", ", g.Controls), string.Join("; ", g.EventTypes.Select(Code)),
                g.MappedBySource ? "maps them, none in these files" : "maps none (add a rule)",
            }).ToList(),
            "None.");
        if (coverage.CriteriaWithoutEventEvidence > 0)
        {
            output.WriteLine();
            output.WriteLine($"{N(coverage.CriteriaWithoutEventEvidence)} more criteria of the catalog's frameworks are proven by no control with events (manual evidence, or no control yet).");
        }
    }

    private static void Table(TextWriter output, string[] header, List<string[]> rows, string empty)
    {
        if (rows.Count == 0)
        {
            output.WriteLine(empty);
            return;
        }

        output.WriteLine("| " + string.Join(" | ", header) + " |");
        output.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    /// <summary>Text in a table cell: pipes escaped, no line breaks.</summary>
    private static string Text(string text) => text.Replace("|", "\\|", System.StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    private static string Code(string text) => "`" + text.Replace("`", "'", System.StringComparison.Ordinal).Replace("|", "\\|", System.StringComparison.Ordinal) + "`";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
