using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>
/// A regular expression found by the lint: the schema object that holds it, whether it matches property names (a key of
/// "patternProperties") or string values ("pattern"), its text and the position of its keyword.
/// </summary>
internal sealed record PatternKeyword(JObject Schema, bool IsPropertyName, string Pattern, SourceSpan Span);

/// <summary>
/// The regular expressions of a schema set, kept out of NJsonSchema's hands: NJsonSchema matches "pattern" and the keys
/// of "patternProperties" with <c>Regex.IsMatch</c> and no timeout, so one schema could stall validation and the build.
/// Before NJsonSchema reads a schema, <see cref="Mark"/> writes each keyword's place beside it; once it is loaded,
/// <see cref="Take"/> moves every marked pattern out of the NJsonSchema objects into a <see cref="SchemaRegex"/> here.
/// </summary>
internal sealed class SchemaPatterns
{
    private const string PatternMark = "x-evidence-pattern";
    private const string PropertyNameMark = "x-evidence-pattern-properties";

    private static readonly IReadOnlyList<(SchemaRegex Name, JsonSchema Schema)> None = new (SchemaRegex, JsonSchema)[0];

    private readonly Dictionary<JsonSchema, SchemaRegex> patterns = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly Dictionary<JsonSchema, IReadOnlyList<(SchemaRegex Name, JsonSchema Schema)>> propertyNames = new(ReferenceComparer<JsonSchema>.Instance);

    /// <summary>The "pattern" of <paramref name="schema"/>, or null.</summary>
    public SchemaRegex? PatternOf(JsonSchema schema) => patterns.TryGetValue(schema, out var regex) ? regex : null;

    /// <summary>The "patternProperties" of <paramref name="schema"/>, in the schema's order.</summary>
    public IReadOnlyList<(SchemaRegex Name, JsonSchema Schema)> PatternPropertiesOf(JsonSchema schema) =>
        propertyNames.TryGetValue(schema, out var keyed) ? keyed : None;

    /// <summary>Writes where <paramref name="keyword"/> stands in <paramref name="schemaPath"/> into its schema object, as an extension NJsonSchema keeps.</summary>
    public static void Mark(PatternKeyword keyword, string schemaPath)
    {
        // "line,column,path": NJsonSchema keeps a string extension as it is (it rewrites arrays and objects).
        var at = new JValue(keyword.Span.StartLine.ToString(CultureInfo.InvariantCulture) + "," + keyword.Span.StartColumn.ToString(CultureInfo.InvariantCulture) + "," + schemaPath);
        if (!keyword.IsPropertyName)
        {
            keyword.Schema[PatternMark] = at;
            return;
        }

        if (keyword.Schema[PropertyNameMark] is not JObject names)
        {
            names = new JObject();
            keyword.Schema[PropertyNameMark] = names;
        }

        names[keyword.Pattern] = at;
    }

    /// <summary>Moves the marked patterns of every schema reachable from <paramref name="root"/> out of NJsonSchema's objects.</summary>
    public void Take(JsonSchema root)
    {
        var seen = new HashSet<JsonSchema>(ReferenceComparer<JsonSchema>.Instance);
        var pending = new Stack<JsonSchema>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (!seen.Add(schema))
            {
                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }

            TakePattern(schema);
            TakePropertyNames(schema);
        }
    }

    private void TakePattern(JsonSchema schema)
    {
        if (schema.Pattern is { } pattern)
        {
            patterns[schema] = Compile(pattern, Extension(schema, PatternMark) as string);
            schema.Pattern = null;
        }
    }

    private void TakePropertyNames(JsonSchema schema)
    {
        if (schema.PatternProperties.Count > 0)
        {
            var places = Extension(schema, PropertyNameMark) as IDictionary<string, object?>;
            propertyNames[schema] = schema.PatternProperties
                .Select(p => (Compile(p.Key, places is not null && places.TryGetValue(p.Key, out var place) ? place as string : null), (JsonSchema)p.Value))
                .ToList();
            schema.PatternProperties.Clear();
        }
    }

    private static object? Extension(JsonSchema schema, string name)
    {
        object? value = null;
        if (schema.ExtensionData is { } extensions && extensions.TryGetValue(name, out value))
        {
            extensions.Remove(name);
        }

        return value;
    }

    // Every keyword of a schema that passed the lint is marked; an unmarked one is a bug here, never left to NJsonSchema.
    private static SchemaRegex Compile(string pattern, string? place)
    {
        string[] parts = place?.Split(new[] { ',' }, 3) ?? new string[0];
        return parts.Length == 3
            ? SchemaRegex.Create(pattern, parts[2], SourceSpan.At(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)))
            : throw new System.InvalidOperationException("the pattern '" + pattern + "' was not marked before loading");
    }

    private static IEnumerable<JsonSchema> Children(JsonSchema schema)
    {
        var single = new[] { schema.Reference, schema.Item, schema.Not, schema.AdditionalItemsSchema, schema.AdditionalPropertiesSchema };
        return single.Where(s => s is not null).Select(s => s!)
            .Concat(schema.Properties.Values)
            .Concat(schema.PatternProperties.Values)
            .Concat(schema.Items)
            .Concat(schema.AllOf)
            .Concat(schema.AnyOf)
            .Concat(schema.OneOf)
            .Concat(schema.Definitions.Values);
    }
}
