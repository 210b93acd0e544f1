using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// A SARIF 2.1.0 log that GitHub code scanning accepts: one run, one rule per diagnostic the compiler reports (with its help page),
/// one result per diagnostic. Nothing machine-specific (no time, no absolute root), so the same input gives the same bytes.
/// </summary>
internal sealed class SarifLogWriter : IReportFormatter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string SourceRoot = "%SRCROOT%";

    public void Write(ValidationReport report, TextWriter writer)
    {
        var rules = DiagnosticDescriptors.ReportedByCompiler;
        var ruleIndex = rules
            .Select((rule, index) => (rule.Id, index))
            .ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);

        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            WriteTool(json, rules);

            json.WriteStartArray("results");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteTool(Utf8JsonWriter json, IEnumerable<CatalogDiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolIdentity.Name);
        json.WriteString("informationUri", ToolIdentity.InformationUri);
        json.WriteString("version", ToolIdentity.Version);
        json.WriteString("semanticVersion", ToolIdentity.Version);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, CatalogDiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Title));
        WriteText(json, "shortDescription", rule.Title);
        WriteText(json, "fullDescription", rule.Help);
        WriteText(json, "help", rule.Help);
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Category);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, CatalogDiagnostic diagnostic, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex.TryGetValue(diagnostic.Id, out int index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(diagnostic.Severity));
        WriteText(json, "message", diagnostic.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, diagnostic.FilePath);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", diagnostic.Span.StartLine);
        json.WriteNumber("startColumn", diagnostic.Span.StartColumn);
        json.WriteNumber("endLine", diagnostic.Span.EndLine);
        json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string filePath)
    {
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(filePath))
        {
            json.WriteString("uri", new Uri(filePath).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string propertyName, string text)
    {
        json.WriteStartObject(propertyName);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary><c>Unknown property</c> → <c>UnknownProperty</c>; <c>$ref does not resolve</c> → <c>RefDoesNotResolve</c>.</summary>
    private static string PascalCase(string title)
    {
        var name = new StringBuilder(title.Length);
        bool startOfWord = true;
        foreach (char c in title)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return name.ToString();
    }

    private static string Level(CatalogDiagnosticSeverity severity) => severity == CatalogDiagnosticSeverity.Error ? "error" : "warning";
}
