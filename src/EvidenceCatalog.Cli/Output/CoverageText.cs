using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Runtime.Coverage;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// <c>evidence sources coverage</c> for reading: per source, the counts (that add up), the mapped native names with
/// what they are evidence for, the unmapped names and the rejection reasons; then the criteria the files give evidence
/// for, and those the catalog's controls prove with events that they give none for, each with what would give it.
/// </summary>
internal static class CoverageText
{
    public static void Write(TextWriter output, CoverageView view)
    {
        foreach (var section in view.Sections)
        {
            Section(output, section);
            output.WriteLine();
        }

        Criteria(output, view);
    }

    private static void Section(TextWriter output, CoverageView.SectionView view)
    {
        var section = view.Section;
        var counts = view.Counts;
        output.WriteLine($"{section.Name} ({section.Id}): {Plural(section.Inputs.Count, "file")}, "
            + $"read {N(counts.Read)} = accepted {N(counts.Accepted)} + duplicates {N(counts.Duplicates)} + rejected {N(counts.Rejected)} + unmapped {N(counts.Unmapped)}");
        foreach (var input in section.Inputs)
        {
            output.WriteLine($"  {input.Provenance.Name}: {input.Provenance.Container ?? "not framed"}, read {N(input.Counts.Read)}"
                + (input.Provenance.Damaged is { } damage ? "; damaged: " + damage : string.Empty));
        }

        output.WriteLine();
        if (section.Mapped.Count == 0 && section.MappedOther == 0)
        {
            output.WriteLine("  Mapped: no record became an evidence event.");
        }
        else
        {
            output.WriteLine($"  Mapped: {Plural(view.MappedEvents, "event")} of {Plural(section.Mapped.Count, "native name")}");
            var rows = new List<string[]> { new[] { "NATIVE NAME", "EVENTS", "EVENT TYPE", "OUTCOME", "CONTROLS", "CRITERIA" } };
            foreach (var name in view.Mapped)
            {
                for (int i = 0; i < name.Mappings.Count; i++)
                {
                    var cell = name.Mappings[i];
                    rows.Add([
                        i == 0 ? name.Name : string.Empty,
                        N(cell.Events),
                        cell.Type,
                        cell.Outcome ?? "-",
                        cell.Controls.Count == 0 ? "none" : string.Join(", ", cell.Controls),
                        cell.Criteria.Count == 0 ? "-" : string.Join(", ", cell.Criteria),
                    ]);
                }
            }

            if (view.MappedOtherEvents > 0)
            {
                rows.Add([OtherNames(view.MappedOtherNames), N(view.MappedOtherEvents), string.Empty, string.Empty, string.Empty, string.Empty]);
            }

            TextTable.Write(output, rows, "    ", rightAligned: [1]);
        }

        output.WriteLine();
        if (counts.Unmapped == 0)
        {
            output.WriteLine("  Unmapped: none; every record the source recognised was mapped by a rule.");
        }
        else
        {
            output.WriteLine($"  Unmapped: {Plural(counts.Unmapped, "record")} no rule maps (add rules for the names that are evidence)");
            var rows = new List<string[]> { new[] { "NATIVE NAME", "RECORDS" } };
            rows.AddRange(view.Unmapped.Select(n => new[] { n.Name, N(n.Count) }));
            if (view.UnmappedOther > 0)
            {
                rows.Add(["other names", N(view.UnmappedOther)]);
            }

            TextTable.Write(output, rows, "    ", rightAligned: [1]);
        }

        output.WriteLine();
        if (counts.Rejected == 0)
        {
            output.WriteLine("  Rejected: none.");
        }
        else
        {
            output.WriteLine($"  Rejected: {Plural(counts.Rejected, "record")}");
            var rows = new List<string[]> { new[] { "RECORDS", "REASON" } };
            rows.AddRange(view.Rejections.Select(r => new[] { N(r.Count), r.Reason }));
            if (view.RejectionsOther > 0)
            {
                rows.Add([N(view.RejectionsOther), "other reasons"]);
            }

            TextTable.Write(output, rows, "    ", rightAligned: [0]);
        }
    }

    private static void Criteria(TextWriter output, CoverageView view)
    {
        var coverage = view.Coverage;
        bool several = coverage.Evidenced.Select(e => e.Framework).Concat(coverage.NotEvidenced.Select(g => g.Framework)).Distinct().Count() > 1;
        string frameworks = string.Join(", ", coverage.Evidenced.Select(e => e.Framework).Concat(coverage.NotEvidenced.Select(g => g.Framework)).Distinct().Select(f => view.Frameworks[f]));
        output.WriteLine($"Criteria{(frameworks.Length > 0 ? " (" + frameworks + ")" : string.Empty)}: "
            + $"the catalog's controls prove {Plural(view.ProvenByEvents, "criterion", "criteria")} with events; these files give evidence for {N(coverage.Evidenced.Count)}");
        if (coverage.Evidenced.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  Evidence for:");
            var rows = new List<string[]> { new[] { "CRITERION", "EVENTS", "CONTROLS", "TITLE" } };
            rows.AddRange(coverage.Evidenced.Select(e => new[] { Criterion(e.Framework, e.Criterion, several), N(e.Events), string.Join(", ", e.Controls), e.Title }));
            TextTable.Write(output, rows, "    ", rightAligned: [1]);
        }

        if (coverage.NotEvidenced.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"  No evidence in these files for {Plural(coverage.NotEvidenced.Count, "criterion", "criteria")}:");
            int width = coverage.NotEvidenced.Max(g => Criterion(g.Framework, g.Criterion, several).Length);
            foreach (var gap in coverage.NotEvidenced)
            {
                output.WriteLine($"    {Criterion(gap.Framework, gap.Criterion, several).PadRight(width)}  {gap.Title}");
                output.WriteLine($"    {new string(' ', width)}  {string.Join(", ", gap.Controls)} {(gap.Controls.Count == 1 ? "takes" : "take")} {string.Join("; ", gap.EventTypes)}: "
                    + (gap.MappedBySource ? "the source maps such records, but these files hold none" : "the source has no rule that gives these"));
            }
        }

        if (coverage.CriteriaWithoutEventEvidence > 0)
        {
            output.WriteLine();
            output.WriteLine($"  {Plural(coverage.CriteriaWithoutEventEvidence, "more criterion", "more criteria")} of the catalog's frameworks {(coverage.CriteriaWithoutEventEvidence == 1 ? "is" : "are")} proven by no control with events (manual evidence, or no control yet).");
        }
    }

    private static string Criterion(string framework, string criterion, bool several) => several ? framework + " " + criterion : criterion;

    private static string OtherNames(int names) => names > 0 ? Plural(names, "other name") : "other names";

    private static string Plural(long count, string singular, string? plural = null) =>
        N(count) + " " + (count == 1 ? singular : plural ?? singular + "s");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
