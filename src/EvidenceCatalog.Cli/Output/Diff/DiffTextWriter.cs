using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler.Diff;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>
/// The default: the findings first, as MSBuild lines (<c>file(line,col): warning ECD001: message (help)</c>; <c>info</c>
/// for a finding that is not a regression), then the changed entries kind by kind, field by field, then the summary.
/// </summary>
internal sealed class DiffTextWriter : IDiffFormatter
{
    public void Write(DiffReport report, TextWriter writer)
    {
        foreach (var finding in report.Diff.Findings)
        {
            string level = report.LevelOf(finding) switch
            {
                FindingLevel.Error => "error",
                FindingLevel.Warning => "warning",
                _ => "info",
            };
            string where = finding.Location is { } location ? DiffReport.Where(location) + ": " : string.Empty;
            writer.WriteLine($"{where}{level} {finding.Class.Id}: {finding.Message} ({finding.Class.HelpUri})");
        }

        foreach (var kind in EntryCollection.Kinds)
        {
            var changes = report.Diff.Changes.Where(c => c.Collection.Kind == kind).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine(kind + ":");

            foreach (var change in changes)
            {
                string sign = change.Change switch
                {
                    ChangeKind.Added => "+",
                    ChangeKind.Removed => "-",
                    _ => "~",
                };
                string where = change.Location is { } location ? "  " + DiffReport.Where(location) : string.Empty;
                writer.WriteLine($"  {sign} {change.Collection.Label} {change.Id}{where}");
                foreach (var field in change.Fields)
                {
                    writer.WriteLine($"      {field.Path}: {field.Describe()}");
                }
            }
        }

        if (!report.Diff.IsEmpty)
        {
            writer.WriteLine();
        }

        writer.WriteLine(report.SummaryLine());
    }
}
