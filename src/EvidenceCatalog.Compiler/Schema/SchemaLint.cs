using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>
/// Refuses anything in a schema that NJsonSchema would silently not enforce, and anything that would make
/// validation reach outside the schema set. What passes the lint is exactly what gets enforced.
/// </summary>
internal static class SchemaLint
{
    /// <summary>The draft-07 keywords NJsonSchema enforces (or that are pure annotations).</summary>
    public static readonly IReadOnlyCollection<string> SupportedKeywords = new SortedSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "$ref", "title", "description", "type", "properties", "required",
        "additionalProperties", "items", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "format", "definitions", "allOf", "anyOf", "oneOf", "not",
        "default", "examples", "patternProperties",
    };

    /// <summary>The formats the compiler checks strictly (see <see cref="StrictFormatValidators"/>).</summary>
    public static readonly IReadOnlyCollection<string> SupportedFormats = new[] { "date", "date-time" };

    private const string Draft07 = "http://json-schema.org/draft-07/schema";

    /// <summary>How to say each refused keyword with what is enforced.</summary>
    private static readonly IReadOnlyDictionary<string, string> Rewrites = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["const"] = "write 'enum' with the one value instead",
        ["$defs"] = "put the definitions under 'definitions' instead (draft-07)",
        ["if"] = "express the condition with 'oneOf' or 'anyOf' of complete alternatives",
        ["then"] = "express the condition with 'oneOf' or 'anyOf' of complete alternatives",
        ["else"] = "express the condition with 'oneOf' or 'anyOf' of complete alternatives",
        ["dependencies"] = "split the object into 'oneOf' alternatives with their own 'required' lists",
        ["dependentRequired"] = "split the object into 'oneOf' alternatives with their own 'required' lists",
        ["unevaluatedProperties"] = "close each object with \"additionalProperties\": false",
    };

    /// <summary>Lints one schema file; adds its problems to <paramref name="diagnostics"/> and its regular expressions to <paramref name="patterns"/>.</summary>
    public static void Lint(string fileName, string text, JObject root, IReadOnlyDictionary<string, JObject> set, string path, List<CatalogDiagnostic> diagnostics, List<PatternKeyword> patterns)
    {
        var context = new LintContext(fileName, text, root, set, path, diagnostics, patterns);
        if (root.Property("$schema") is { } declared && declared.Value.Type == JTokenType.String &&
            !((string)declared.Value!).TrimEnd('#').Equals(Draft07, StringComparison.Ordinal))
        {
            context.Report(DiagnosticDescriptors.SchemaInvalid, declared, "it declares $schema '" + (string)declared.Value! + "'; only draft-07 (" + Draft07 + "#) is supported");
        }

        context.Walk(root);
    }

    private sealed class LintContext
    {
        private readonly string fileName;
        private readonly string[] lines;
        private readonly JObject root;
        private readonly IReadOnlyDictionary<string, JObject> set;
        private readonly string path;
        private readonly List<CatalogDiagnostic> diagnostics;
        private readonly List<PatternKeyword> patterns;

        public LintContext(string fileName, string text, JObject root, IReadOnlyDictionary<string, JObject> set, string path, List<CatalogDiagnostic> diagnostics, List<PatternKeyword> patterns)
        {
            this.fileName = fileName;
            lines = text.Split('\n');
            this.root = root;
            this.set = set;
            this.path = path;
            this.diagnostics = diagnostics;
            this.patterns = patterns;
        }

        public void Walk(JToken token)
        {
            if (token is not JObject schema)
            {
                // 'true'/'false' schemas are legal; anything else is not a schema.
                if (token.Type != JTokenType.Boolean)
                {
                    Report(DiagnosticDescriptors.SchemaInvalid, token, "a schema must be an object or a boolean, not " + token.Type.ToString().ToLowerInvariant());
                }

                return;
            }

            foreach (var property in schema.Properties())
            {
                if (!SupportedKeywords.Contains(property.Name))
                {
                    string rewrite = Rewrites.TryGetValue(property.Name, out var known) ? known : "use only the keywords listed in docs/diagnostics/EC2102.md";
                    Report(DiagnosticDescriptors.SchemaKeywordUnsupported, property, property.Name, rewrite);
                    continue;
                }

                switch (property.Name)
                {
                    case "properties":
                        foreach (var child in Children(property))
                        {
                            if (child.Value is JObject childSchema && childSchema.Property("description") is null)
                            {
                                Report(DiagnosticDescriptors.SchemaPropertyUndocumented, child, child.Name);
                            }

                            Walk(child.Value);
                        }

                        break;
                    case "pattern":
                        CheckPattern(schema, property, property.Value, isPropertyName: false);
                        break;
                    case "patternProperties":
                        foreach (var child in Children(property))
                        {
                            CheckPattern(schema, child, new JValue(child.Name), isPropertyName: true);
                            Walk(child.Value);
                        }

                        break;
                    case "definitions":
                        foreach (var child in Children(property))
                        {
                            Walk(child.Value);
                        }

                        break;
                    case "items" when property.Value is JArray:
                        Report(DiagnosticDescriptors.SchemaKeywordUnsupported, property, "items", "in its tuple form (an array of schemas) it is not enforced; give 'items' one schema for every item");
                        break;
                    case "items":
                    case "additionalProperties":
                    case "not":
                        Walk(property.Value);
                        break;
                    case "allOf":
                    case "anyOf":
                    case "oneOf":
                        foreach (var branch in property.Value.Children())
                        {
                            Walk(branch);
                        }

                        break;
                    case "$ref":
                        CheckReference(property);
                        break;
                    case "format":
                        string format = property.Value.Type == JTokenType.String ? (string)property.Value! : property.Value.ToString(Formatting.None);
                        if (!SupportedFormats.Contains(format))
                        {
                            Report(DiagnosticDescriptors.SchemaUnknownFormat, property, format, string.Join(", ", SupportedFormats));
                        }

                        break;
                }
            }

            if (DeclaresObject(schema) && !(schema.Property("additionalProperties")?.Value is JValue { Type: JTokenType.Boolean } closed && !(bool)closed!))
            {
                Report(DiagnosticDescriptors.SchemaObjectOpen, (JToken?)schema.Property("type") ?? schema);
            }
        }

        private static bool DeclaresObject(JObject schema) =>
            schema.Property("type")?.Value is JToken type &&
            (type.Type == JTokenType.String ? (string)type! == "object" : type.Children().Any(t => t.Type == JTokenType.String && (string)t! == "object")) &&
            schema.Property("additionalProperties")?.Value is not JObject;

        private IEnumerable<JProperty> Children(JProperty property)
        {
            if (property.Value is JObject children)
            {
                return children.Properties();
            }

            Report(DiagnosticDescriptors.SchemaInvalid, property, "'" + property.Name + "' must be an object");
            return Array.Empty<JProperty>();
        }

        /// <summary>A pattern must be a valid regular expression; each one is recorded, to be run bounded (<see cref="SchemaRegex"/>).</summary>
        private void CheckPattern(JObject schema, JProperty keyword, JToken pattern, bool isPropertyName)
        {
            if (pattern.Type != JTokenType.String)
            {
                Report(DiagnosticDescriptors.SchemaInvalid, keyword, "'pattern' must be a string");
                return;
            }

            string text = (string)pattern!;
            if (SchemaRegex.SyntaxError(text) is { } error)
            {
                Report(DiagnosticDescriptors.SchemaInvalid, keyword, "the pattern '" + text + "' is not a valid regular expression: " + error);
                return;
            }

            patterns.Add(new PatternKeyword(schema, isPropertyName, text, SchemaSpan(lines, keyword)));
        }

        private void CheckReference(JProperty property)
        {
            if (property.Value.Type != JTokenType.String)
            {
                Report(DiagnosticDescriptors.SchemaInvalid, property, "$ref must be a string");
                return;
            }

            string reference = (string)property.Value!;
            var (file, pointer) = Split(reference);
            if (file.Length > 0 && (reference.Contains(':') || file.Contains('/') || file.Contains('\\') || file.StartsWith(".", StringComparison.Ordinal)))
            {
                // Remote (http:, file:, urn:...) or a path that leaves the schema folder: never followed.
                Report(DiagnosticDescriptors.SchemaRemoteRef, property, reference);
                return;
            }

            if (file.Length > 0 && !string.Equals(file, fileName, StringComparison.Ordinal) && !set.ContainsKey(file))
            {
                Report(DiagnosticDescriptors.SchemaUnresolvedRef, property, reference, "no schema file named '" + file + "' is in the schema set");
                return;
            }

            if (Target(fileName, reference) is not { } target)
            {
                Report(DiagnosticDescriptors.SchemaUnresolvedRef, property, reference, "'" + pointer + "' names nothing in " + (file.Length > 0 ? file : "this file"));
                return;
            }

            if (property.Parent is JObject holder && LeadsBackTo(holder, target.File, target.Schema))
            {
                Report(DiagnosticDescriptors.SchemaRefCycle, property, reference);
            }
        }

        /// <summary>
        /// Whether <paramref name="holder"/> is met again from <paramref name="start"/> through schemas that apply to the
        /// same value ($ref, allOf, anyOf, oneOf, not). Validating would then never end: NJsonSchema gives up with
        /// "Cyclic references detected", or recurses until the stack overflows.
        /// </summary>
        private bool LeadsBackTo(JObject holder, string startFile, JToken start)
        {
            var seen = new HashSet<JToken>(ReferenceComparer<JToken>.Instance);
            var pending = new Stack<(string File, JToken Schema)>();
            pending.Push((startFile, start));
            while (pending.Count > 0)
            {
                var (file, schema) = pending.Pop();
                if (schema is not JObject current || !seen.Add(current))
                {
                    continue;
                }

                if (ReferenceEquals(current, holder))
                {
                    return true;
                }

                foreach (var next in SameValueSchemas(file, current))
                {
                    pending.Push(next);
                }
            }

            return false;
        }

        private IEnumerable<(string File, JToken Schema)> SameValueSchemas(string file, JObject schema)
        {
            if (schema["$ref"] is JValue { Type: JTokenType.String } reference && Target(file, (string)reference!) is { } target)
            {
                yield return target;
            }

            foreach (string keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                foreach (var branch in schema[keyword] as JArray ?? new JArray())
                {
                    yield return (file, branch);
                }
            }

            if (schema["not"] is { } not)
            {
                yield return (file, not);
            }
        }

        /// <summary>What a $ref written in <paramref name="file"/> names, or null when it names nothing of the set.</summary>
        private (string File, JToken Schema)? Target(string file, string reference)
        {
            var (named, pointer) = Split(reference);
            string targetFile = named.Length > 0 ? named : file;
            JObject? document = targetFile == fileName ? root : set.TryGetValue(targetFile, out var other) ? other : null;
            var schema = document is null ? null : pointer.Length > 0 ? ResolvePointer(document, pointer) : document;
            return schema is null ? null : (targetFile, schema);
        }

        /// <summary>A $ref's file part (empty for this file) and its JSON pointer (empty for the whole document).</summary>
        private static (string File, string Pointer) Split(string reference)
        {
            int hash = reference.IndexOf('#');
            return hash < 0 ? (reference, string.Empty) : (reference.Substring(0, hash), reference.Substring(hash + 1));
        }

        private static JToken? ResolvePointer(JToken document, string pointer)
        {
            if (!pointer.StartsWith("/", StringComparison.Ordinal))
            {
                return null;
            }

            JToken? current = document;
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
                current = current switch
                {
                    JObject obj => obj[segment],
                    JArray array when int.TryParse(segment, out int index) && index >= 0 && index < array.Count => array[index],
                    _ => null,
                };
                if (current is null)
                {
                    return null;
                }
            }

            return current;
        }

        public void Report(CatalogDiagnosticDescriptor descriptor, JToken at, params object?[] args) =>
            diagnostics.Add(CatalogDiagnostic.Create(descriptor, path, SchemaSpan(lines, at), args));
    }

    /// <summary>The position of a token (for a property: the opening quote of its name).</summary>
    private static SourceSpan SchemaSpan(string[] lines, JToken token)
    {
        IJsonLineInfo info = token;
        if (!info.HasLineInfo())
        {
            return SourceSpan.FileStart;
        }

        return token is JProperty property
            ? NameSpan(lines, info.LineNumber, info.LinePosition, property.Name)
            : SourceSpan.At(info.LineNumber, Math.Max(1, info.LinePosition));
    }

    /// <summary>
    /// Newtonsoft records a property just past the colon that follows its name; the name itself is the last
    /// quoted occurrence before that point on the line.
    /// </summary>
    internal static SourceSpan NameSpan(string[] lines, int line, int position, string name)
    {
        string text = line >= 1 && line <= lines.Length ? lines[line - 1] : string.Empty;
        int start = Math.Min(Math.Max(position, 0), text.Length);
        int index = start == 0 ? -1 : text.LastIndexOf("\"" + name + "\"", start - 1, StringComparison.Ordinal);
        return SourceSpan.At(line, index >= 0 ? index + 1 : Math.Max(1, position));
    }
}
