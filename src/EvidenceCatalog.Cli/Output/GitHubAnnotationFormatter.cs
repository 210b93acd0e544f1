using System.Globalization;
using System.IO;
using System.Text;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which GitHub shows as annotations
/// on the changed lines of a pull request; then the summary as a plain log line.
/// </summary>
internal sealed class GitHubAnnotationFormatter : IReportFormatter
{
    public void Write(ValidationReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            writer.WriteLine(Annotation(diagnostic));
        }

        writer.WriteLine(SummaryLine.For(report));
    }

    internal static string Annotation(CatalogDiagnostic diagnostic)
    {
        var span = diagnostic.Span;
        string title = DiagnosticDescriptors.Find(diagnostic.Id) is { } descriptor ? diagnostic.Id + " " + descriptor.Title : diagnostic.Id;
        return string.Format(
            CultureInfo.InvariantCulture,
            "::{0} file={1},line={2},col={3},endLine={4},endColumn={5},title={6}::{7}",
            diagnostic.IsError ? "error" : "warning",
            EscapeProperty(diagnostic.FilePath),
            span.StartLine,
            span.StartColumn,
            span.EndLine,
            span.EndColumn,
            EscapeProperty(title),
            EscapeData(diagnostic.Message));
    }

    /// <summary>The escaping GitHub's runner undoes in a command's message.</summary>
    internal static string EscapeData(string value) =>
        new StringBuilder(value)
            .Replace("%", "%25")
            .Replace("\r", "%0D")
            .Replace("\n", "%0A")
            .ToString();

    /// <summary>The escaping GitHub's runner undoes in a command's properties, where ':' and ',' are separators.</summary>
    internal static string EscapeProperty(string value) =>
        new StringBuilder(EscapeData(value))
            .Replace(":", "%3A")
            .Replace(",", "%2C")
            .ToString();
}
