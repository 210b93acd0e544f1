using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Compiler.Diff;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>
/// A JSON document for scripts: <c>{"base","head","summary":{...},"findings":[...],"changes":[...]}</c>; each finding
/// with its class id, name, whether it is a regression, its level under the gate, message, file and line; each change with
/// its kind, list, id, file and line, and its fields (<c>path</c>, <c>before</c>, <c>after</c>, null where absent, and for a list of values its <c>delta</c>).
/// </summary>
internal sealed class DiffJsonWriter : IDiffFormatter
{
    public void Write(DiffReport report, TextWriter writer) =>
        JsonOutput.Write(writer, json =>
        {
            var diff = report.Diff;
            json.WriteStartObject();
            json.WriteString("base", diff.Base);
            json.WriteString("head", diff.Head);
            json.WriteStartObject("summary");
            json.WriteNumber("added", diff.CountOf(ChangeKind.Added));
            json.WriteNumber("removed", diff.CountOf(ChangeKind.Removed));
            json.WriteNumber("changed", diff.CountOf(ChangeKind.Changed));
            json.WriteNumber("findings", diff.Findings.Length);
            json.WriteNumber("regressions", diff.RegressionCount);
            json.WriteBoolean("failed", report.Fails);
            json.WriteEndObject();

            json.WriteStartArray("findings");
            foreach (var finding in diff.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Class.Id);
                json.WriteString("name", finding.Class.Name);
                json.WriteString("kind", finding.Class.Kind);
                json.WriteBoolean("regression", finding.IsRegression);
                json.WriteString("level", report.LevelOf(finding).ToString().ToLowerInvariant());
                json.WriteString("subject", finding.Subject);
                json.WriteString("message", finding.Message);
                WriteLocation(json, finding.Location);
                json.WriteString("help", finding.Class.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", change.Collection.Kind);
                json.WriteString("list", change.Collection.Name);
                json.WriteString("id", change.Id);
                json.WriteString("change", change.Change.ToString().ToLowerInvariant());
                WriteLocation(json, change.Location);
                json.WriteStartArray("fields");
                foreach (var field in change.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("path", field.Path);
                    json.WriteString("before", field.Before);
                    json.WriteString("after", field.After);
                    if (field.Delta is { } delta)
                    {
                        json.WriteString("delta", delta);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteLocation(Utf8JsonWriter json, CatalogLocation? location)
    {
        if (location is null)
        {
            json.WriteNull("file");
            json.WriteNull("line");
            json.WriteNull("column");
            return;
        }

        json.WriteString("file", location.FilePath);
        json.WriteNumber("line", location.Span.StartLine);
        json.WriteNumber("column", location.Span.StartColumn);
    }
}
