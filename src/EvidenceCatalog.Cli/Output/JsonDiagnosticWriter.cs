using System.IO;
using System.Text.Json;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// A plain JSON document for scripts:
/// <c>{"diagnostics":[{"id","severity","file","line","column","endLine","endColumn","message","help"}],"summary":{"files","errors","warnings"}}</c>.
/// </summary>
internal sealed class JsonDiagnosticWriter : IReportFormatter
{
    public void Write(ValidationReport report, TextWriter writer) =>
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", report.WarningCount);
            json.WriteEndObject();
            json.WriteEndObject();
        });

    private static void WriteDiagnostic(Utf8JsonWriter json, CatalogDiagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("id", diagnostic.Id);
        json.WriteString("severity", diagnostic.IsError ? "error" : "warning");
        json.WriteString("file", diagnostic.FilePath);
        json.WriteNumber("line", diagnostic.Span.StartLine);
        json.WriteNumber("column", diagnostic.Span.StartColumn);
        json.WriteNumber("endLine", diagnostic.Span.EndLine);
        json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
        json.WriteString("message", diagnostic.Message);
        json.WriteString("help", DiagnosticDescriptors.Find(diagnostic.Id)?.HelpUri);
        json.WriteEndObject();
    }
}
