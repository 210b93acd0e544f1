using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>
/// Turns a YAML tree into JSON for validation, typing each plain scalar by what the schema expects there (YAML 1.2
/// style): where a string is meant, <c>NO</c>, <c>on</c>, <c>010</c> and <c>1.10</c> stay text; quoted scalars are
/// always text. Records where every JSON token came from, so validation errors point at the YAML.
/// </summary>
internal sealed class TypedJsonBuilder
{
    private static readonly Regex CoreInteger = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex CoreFloat = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    // The rest of the YAML 1.2 core schema's numbers: octal, hexadecimal, infinity and not-a-number.
    private static readonly Regex CoreOtherNumber = new(@"^(0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant);

    private readonly Dictionary<JToken, TokenOrigin> origins = new(ReferenceComparer<JToken>.Instance);
    private readonly List<KeyValuePair<string, SourceSpan>> spans = new();
    private readonly List<CoreTypedText> coreTyped = new();

    private readonly SchemaPatterns patterns;

    private TypedJsonBuilder(SchemaPatterns patterns)
    {
        this.patterns = patterns;
    }

    /// <summary>Where a token came from: its YAML node, its JSON pointer and its name in words for messages.</summary>
    internal sealed record TokenOrigin(YamlNode Node, string Pointer, string Label, YamlScalar? Key);

    /// <summary>A plain scalar kept as text here that YAML 1.2 core-schema tools (editors) read as <paramref name="Reading"/>: "the integer 10".</summary>
    internal sealed record CoreTypedText(JValue Token, string Reading);

    public sealed record Output(JToken Json, IReadOnlyDictionary<JToken, TokenOrigin> Origins, IReadOnlyList<KeyValuePair<string, SourceSpan>> Spans, IReadOnlyList<CoreTypedText> CoreTyped);

    public static Output Build(YamlNode root, JsonSchema schema, SchemaPatterns patterns)
    {
        var builder = new TypedJsonBuilder(patterns);

        // Recursion is safe here: the loader has already bounded the depth (YamlLimits.MaxDepth).
        var rootToken = builder.Convert(root, Expand(schema).ToList(), string.Empty, "the file", null);
        return new Output(rootToken, builder.origins, builder.spans, builder.coreTyped);
    }

    /// <summary>
    /// How the YAML 1.2 core schema (what yaml-language-server and most YAML libraries apply) reads a plain scalar
    /// when it is not text, in words ("the integer 10"); null when it reads it as text. Dates are text in YAML 1.2.
    /// </summary>
    internal static string? CoreReading(string text)
    {
        if (CoreInteger.IsMatch(text))
        {
            return "the integer " + (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer) ? integer.ToString(CultureInfo.InvariantCulture) : text.TrimStart('+'));
        }

        if (CoreFloat.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return "the number " + number.ToString("R", CultureInfo.InvariantCulture);
        }

        if (CoreOtherNumber.IsMatch(text))
        {
            return "a number";
        }

        return text switch
        {
            "true" or "True" or "TRUE" => "the boolean true",
            "false" or "False" or "FALSE" => "the boolean false",
            _ => null,
        };
    }

    private JToken Convert(YamlNode node, IReadOnlyList<JsonSchema> schemas, string pointer, string label, YamlScalar? key)
    {
        JToken token;
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Entries)
                {
                    string name = entry.Key.Value;
                    string childPointer = pointer + "/" + EscapePointer(name);
                    var childSchemas = schemas.SelectMany(s => PropertySchemas(s, name)).SelectMany(Expand).Distinct().ToList();
                    var value = Convert(entry.Value, childSchemas, childPointer, "'" + name + "'", entry.Key);
                    var property = new JProperty(name, value);
                    origins[property] = new TokenOrigin(entry.Value, childPointer, "'" + name + "'", entry.Key);
                    spans.Add(new KeyValuePair<string, SourceSpan>(childPointer + "#key", entry.Key.Span));
                    obj.Add(property);
                }

                token = obj;
                break;
            case YamlSequence sequence:
                var array = new JArray();
                var itemSchemas = schemas.Select(s => s.Item).Where(s => s is not null).SelectMany(s => Expand(s!)).Distinct().ToList();
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    string itemLabel = "item " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + label;
                    array.Add(Convert(sequence.Items[i], itemSchemas, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), itemLabel, null));
                }

                token = array;
                break;
            default:
                var scalar = (YamlScalar)node;
                token = Scalar(scalar, schemas.Aggregate(JsonObjectType.None, (t, s) => t | s.Type));
                if (scalar.IsPlain && token is JValue { Type: JTokenType.String } text && CoreReading(scalar.Value) is { } reading)
                {
                    coreTyped.Add(new CoreTypedText(text, reading));
                }

                break;
        }

        origins[token] = new TokenOrigin(node, pointer, label, key);
        spans.Add(new KeyValuePair<string, SourceSpan>(pointer, node.Span));
        return token;
    }

    /// <summary>A plain scalar becomes the type the schema allows; unconstrained positions follow the YAML 1.2 core schema.</summary>
    internal static JValue Scalar(YamlScalar scalar, JsonObjectType expected)
    {
        string text = scalar.Value;
        if (!scalar.IsPlain)
        {
            return new JValue(text);
        }

        if (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL")
        {
            return JValue.CreateNull();
        }

        if (expected.HasFlag(JsonObjectType.String))
        {
            return new JValue(text);
        }

        bool any = expected == JsonObjectType.None;
        if ((any || expected.HasFlag(JsonObjectType.Integer) || expected.HasFlag(JsonObjectType.Number)) &&
            CoreInteger.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return new JValue(integer);
        }

        if ((any || expected.HasFlag(JsonObjectType.Number)) && CoreFloat.IsMatch(text) &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return new JValue(number);
        }

        if (any || expected.HasFlag(JsonObjectType.Boolean))
        {
            switch (text)
            {
                case "true" or "True" or "TRUE":
                    return new JValue(true);
                case "false" or "False" or "FALSE":
                    return new JValue(false);
            }
        }

        return new JValue(text);
    }

    /// <summary>A schema and every schema it composes (allOf/anyOf/oneOf), references resolved.</summary>
    private static IEnumerable<JsonSchema> Expand(JsonSchema schema)
    {
        var seen = new HashSet<JsonSchema>(ReferenceComparer<JsonSchema>.Instance);
        var pending = new Stack<JsonSchema>();
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var current = pending.Pop().ActualSchema;
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            foreach (var branch in current.AllOf.Concat(current.AnyOf).Concat(current.OneOf))
            {
                pending.Push(branch);
            }
        }
    }

    private IEnumerable<JsonSchema> PropertySchemas(JsonSchema schema, string name)
    {
        if (schema.Properties.TryGetValue(name, out var property))
        {
            return new JsonSchema[] { property };
        }

        // A name whose check times out is typed as unmatched here; the validator reports it (EC2010).
        var matching = patterns.PatternPropertiesOf(schema).Where(p => p.Name.Match(name) == PatternVerdict.Matches).Select(p => p.Schema).ToList();
        if (matching.Count > 0)
        {
            return matching;
        }

        return schema.AdditionalPropertiesSchema is { } additional ? new[] { additional } : Array.Empty<JsonSchema>();
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");
}

/// <summary>Compares by reference, for sets of objects without value semantics.</summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
