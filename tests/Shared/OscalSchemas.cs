using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>
/// The official OSCAL 1.2.1 JSON Schemas in <c>shared/conformance/oscal-1.2.1</c> (and NIST's own OSCAL documents in
/// <c>shared/conformance/oscal-content</c>), found by walking up from the test binaries, read from there and never
/// copied; documents are validated with JsonSchema.Net as draft-07 with <c>format</c> asserted (uuid, date-time, uri).
/// </summary>
public static class OscalSchemas
{
    public const string Catalog = "oscal_catalog_schema.json";

    public const string ComponentDefinition = "oscal_component_schema.json";

    public const string AssessmentResults = "oscal_assessment-results_schema.json";

    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary><c>shared/conformance/oscal-1.2.1</c>.</summary>
    public static string SchemaFolder => Find("oscal-1.2.1");

    /// <summary><c>shared/conformance/oscal-content</c>.</summary>
    public static string ContentFolder => Find("oscal-content");

    /// <summary>The schema for a document file name written by the export (<c>catalog-*.json</c>, …).</summary>
    public static string ForFileName(string fileName) =>
        fileName.StartsWith("catalog-", StringComparison.Ordinal) ? Catalog
        : fileName == "component-definition.json" ? ComponentDefinition
        : fileName == "assessment-results.json" ? AssessmentResults
        : throw new ArgumentException("no OSCAL schema for " + fileName, nameof(fileName));

    /// <summary>Every error of <paramref name="json"/> against <paramref name="schemaFile"/>, as "instance path: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schemaFile, byte[] json)
    {
        var schema = Loaded.GetOrAdd(schemaFile, file =>
            JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, file)), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static string Find(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "conformance", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No ancestor of " + AppContext.BaseDirectory + " has shared/conformance/" + name + "; the official OSCAL material is required.");
    }
}
