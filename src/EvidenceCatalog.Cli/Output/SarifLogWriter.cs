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
/// one result per diagnostic. <c>evidence diff</c> writes its finding classes and findings through the same <see cref="Write(TextWriter, IReadOnlyList{SarifRule}, IEnumerable{SarifResult})"/>. Nothing machine-specific (no time, no absolute root), so the same input gives the same bytes.
/// </summary>
internal sealed class SarifLogWriter : IReportFormatter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string SourceRoot = "%SRCROOT%";

    public void Write(ValidationReport report, TextWriter writer) =>
        Write(
            writer,
            DiagnosticDescriptors.ReportedByCompiler.Select(rule => new SarifRule(rule.Id, PascalCase(rule.Title), rule.Title, rule.Help, rule.HelpUri, Level(rule.DefaultSeverity), rule.Category)).ToList(),
            report.Diagnostics.Select(d => new SarifResult(d.Id, Level(d.Severity), d.Message, d.FilePath, d.Span)));

    /// <summary>One run of <paramref name="rules"/> and <paramref name="results"/>: the one SARIF shape every command writes.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<SarifRule> rules, IEnumerable<SarifResult> results)
    {
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
            foreach (var result in results)
            {
                WriteResult(json, result, ruleIndex);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteTool(Utf8JsonWriter json, IEnumerable<SarifRule> rules)
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

    private static void WriteRule(Utf8JsonWriter json, SarifRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        WriteText(json, "shortDescription", rule.ShortDescription);
        WriteText(json, "fullDescription", rule.FullDescription);
        WriteText(json, "help", rule.FullDescription);
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.Level);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Category);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, SarifResult result, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        if (ruleIndex.TryGetValue(result.RuleId, out int index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", result.Level);
        WriteText(json, "message", result.Message);
        if (result.FilePath is not null && result.Span is { } span)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifactLocation(json, result.FilePath);
            json.WriteStartObject("region");
            json.WriteNumber("startLine", span.StartLine);
            json.WriteNumber("startColumn", span.StartColumn);
            json.WriteNumber("endLine", span.EndLine);
            json.WriteNumber("endColumn", span.EndColumn);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

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

    internal static string Level(CatalogDiagnosticSeverity severity) => severity == CatalogDiagnosticSeverity.Error ? "error" : "warning";
}

/// <summary>A SARIF rule: what a result's <c>ruleId</c> means, with its help page.</summary>
internal sealed record SarifRule(string Id, string Name, string ShortDescription, string FullDescription, string HelpUri, string Level, string Category);

/// <summary>A SARIF result: a rule's finding, at a span of a file when it has one.</summary>
internal sealed record SarifResult(string RuleId, string Level, string Message, string? FilePath, SourceSpan? Span);
