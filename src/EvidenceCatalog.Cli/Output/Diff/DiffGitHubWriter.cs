using System.Globalization;
using System.IO;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>
/// GitHub Actions workflow commands, one per finding (<c>::warning file=…,line=…,title=ECD001 …::message</c>), pointing
/// at HEAD's YAML line where HEAD still has what the finding is about; then the summary as a plain log line.
/// </summary>
internal sealed class DiffGitHubWriter : IDiffFormatter
{
    public void Write(DiffReport report, TextWriter writer)
    {
        foreach (var finding in report.Diff.Findings)
        {
            string command = report.LevelOf(finding) switch
            {
                FindingLevel.Error => "error",
                FindingLevel.Warning => "warning",
                _ => "notice",
            };
            string title = "title=" + GitHubAnnotationFormatter.EscapeProperty(finding.Class.Id + " " + finding.Class.Title);
            string properties = finding.Location is { } location
                ? string.Format(
                    CultureInfo.InvariantCulture,
                    "file={0},line={1},col={2},endLine={3},endColumn={4},{5}",
                    GitHubAnnotationFormatter.EscapeProperty(location.FilePath),
                    location.Span.StartLine,
                    location.Span.StartColumn,
                    location.Span.EndLine,
                    location.Span.EndColumn,
                    title)
                : title;
            writer.WriteLine("::" + command + " " + properties + "::" + GitHubAnnotationFormatter.EscapeData(finding.Message));
        }

        writer.WriteLine(report.SummaryLine());
    }
}
