using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler.Diff;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>
/// A pull-request comment (GitHub-flavoured Markdown): a heading, the summary line, the findings first (regressions
/// marked), then a table per catalog kind with each changed field. Text from the catalogs is escaped, so a value cannot
/// break a table or inject markup.
/// </summary>
internal sealed class DiffMarkdownWriter : IDiffFormatter
{
    public void Write(DiffReport report, TextWriter writer)
    {
        var diff = report.Diff;
        writer.WriteLine($"### Catalog diff: {Code(diff.Base)} → {Code(diff.Head)}");
        writer.WriteLine();
        writer.WriteLine(Summary(report));

        if (!diff.Findings.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("#### Findings");
            writer.WriteLine();
            writer.WriteLine("| | Finding | What changed | Where |");
            writer.WriteLine("|---|---|---|---|");
            foreach (var finding in diff.Findings)
            {
                string marker = report.LevelOf(finding) switch
                {
                    FindingLevel.Error => "❌ regression",
                    FindingLevel.Warning => "⚠️ regression",
                    _ => "ℹ️ note",
                };
                string where = finding.Location is { } location ? Code(location.FilePath) + " line " + DiffReport.Number(location.Span.StartLine) : string.Empty;
                writer.WriteLine($"| {marker} | [{finding.Class.Id}]({finding.Class.HelpUri}) {Escape(finding.Class.Title)} | {Escape(finding.Message)} | {where} |");
            }
        }

        foreach (var kind in EntryCollection.Kinds)
        {
            var changes = diff.Changes.Where(c => c.Collection.Kind == kind).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine($"#### {Escape(kind)} ({DiffReport.Count(changes.Count, "entry", "entries")})");
            writer.WriteLine();
            writer.WriteLine("| Change | Entry | Fields |");
            writer.WriteLine("|---|---|---|");
            foreach (var change in changes)
            {
                string fields = string.Join("<br>", change.Fields.Select(f => Code(f.Path) + ": " + (f.Delta is { } delta ? Escape(delta) : Value(f.Before) + " → " + Value(f.After))));
                writer.WriteLine($"| {change.Change.ToString().ToLowerInvariant()} | {Escape(change.Collection.Label)} {Code(change.Id)} | {fields} |");
            }
        }
    }

    private static string Summary(DiffReport report)
    {
        var diff = report.Diff;
        if (diff.IsEmpty)
        {
            return "No change to the catalogs' model.";
        }

        int others = diff.Findings.Length - diff.RegressionCount;
        string findings = diff.Findings.IsEmpty
            ? "no findings"
            : "**" + DiffReport.Count(diff.RegressionCount, "regression", "regressions") + "**" + (others == 0 ? string.Empty : ", " + DiffReport.Count(others, "other finding", "other findings"));
        return findings + "; " + DiffReport.Number(diff.CountOf(ChangeKind.Added)) + " added, " + DiffReport.Number(diff.CountOf(ChangeKind.Removed)) + " removed, "
            + DiffReport.Number(diff.CountOf(ChangeKind.Changed)) + " changed.";
    }

    private static string Value(string? value) => value is null ? "*(absent)*" : Escape(value);

    /// <summary>Text inside a table cell: Markdown and HTML specials escaped, so the text shows as written.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '\n' or '\r': escaped.Append(' '); break;
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' or '~' or '!' or '@':
                    escaped.Append('\\').Append(c);
                    break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>An inline code span: backslashes do not escape inside one, so a value holding backticks or pipes is written escaped as text instead.</summary>
    private static string Code(string text) =>
        text.IndexOfAny(['`', '|', '\n', '\r']) < 0 ? "`" + text + "`" : Escape(text);
}
