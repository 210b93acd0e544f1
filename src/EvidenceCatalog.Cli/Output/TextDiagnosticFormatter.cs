using System.IO;

namespace EvidenceCatalog.Cli.Output;

/// <summary>One MSBuild canonical line per diagnostic (<c>file(line,col): error EC2003: message</c>), then the summary.</summary>
internal sealed class TextDiagnosticFormatter : IReportFormatter
{
    public void Write(ValidationReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }

        writer.WriteLine(SummaryLine.For(report));
    }
}
