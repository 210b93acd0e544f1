using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Compiler.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>
/// The catalog schemas, one per kind (<c>KIND.schema.json</c>), linted and loaded fully offline:
/// a <c>$ref</c> resolves only among the files of the set. Loading never throws; problems are diagnostics.
/// </summary>
public sealed class SchemaSet
{
    private const string SchemaSuffix = ".schema.json";
    private const string ResourcePrefix = "EvidenceCatalog.Schemas.";

    private static readonly Regex NewtonsoftPosition = new(@"( Path '[^']*')?(, line \d+, position \d+)?\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex DuplicateName = new("^Property with the name '([^']*)' already exists", RegexOptions.CultureInvariant);

    private static readonly Lazy<SchemaSet> EmbeddedSet = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableDictionary<string, JsonSchema> byKind;

    private SchemaSet(ImmutableDictionary<string, JsonSchema> byKind, SchemaPatterns patterns, ImmutableArray<CatalogDiagnostic> diagnostics)
    {
        this.byKind = byKind;
        Patterns = patterns;
        Diagnostics = diagnostics;
        Kinds = byKind.Keys.OrderBy(k => k, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>The schemas shipped inside the compiler (this repository's <c>schemas/</c>).</summary>
    public static SchemaSet Embedded => EmbeddedSet.Value;

    /// <summary>Problems found while linting or loading the schema files.</summary>
    public ImmutableArray<CatalogDiagnostic> Diagnostics { get; }

    /// <summary>The catalog kinds that have a usable schema, sorted.</summary>
    public ImmutableArray<string> Kinds { get; }

    /// <summary>The regular expressions of the loaded schemas, which NJsonSchema is never left to run.</summary>
    internal SchemaPatterns Patterns { get; }

    internal JsonSchema? ForKind(string kind) => byKind.TryGetValue(kind, out var schema) ? schema : null;

    /// <summary>The shipped schema files, as <c>schemas/KIND.schema.json</c>.</summary>
    public static ImmutableArray<SourceFile> EmbeddedFiles()
    {
        var assembly = typeof(SchemaSet).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new SourceFile("schemas/" + n.Substring(ResourcePrefix.Length), reader.ReadToEnd());
            })
            .ToImmutableArray();
    }

    private static SchemaSet LoadEmbedded() => Load(EmbeddedFiles());

    /// <summary>Lints and loads <paramref name="schemaFiles"/>. A file named <c>KIND.schema.json</c> defines a kind; others may only be referenced.</summary>
    public static SchemaSet Load(IEnumerable<SourceFile> schemaFiles)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var parsed = new SortedDictionary<string, (SourceFile File, JObject Root)>(StringComparer.Ordinal);
        foreach (var file in schemaFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file.Path);
            if (parsed.ContainsKey(name))
            {
                diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.SchemaInvalid, file.Path, SourceSpan.FileStart, "another schema file is also named '" + name + "'; schema file names are unique in a set"));
                continue;
            }

            if (Parse(file, diagnostics) is { } root)
            {
                parsed.Add(name, (file, root));
            }
        }

        var roots = parsed.ToDictionary(p => p.Key, p => p.Value.Root, StringComparer.Ordinal);
        var clean = new HashSet<string>(StringComparer.Ordinal);
        var keywords = new Dictionary<string, List<PatternKeyword>>(StringComparer.Ordinal);
        foreach (var entry in parsed)
        {
            int before = diagnostics.Count;
            keywords[entry.Key] = new List<PatternKeyword>();
            SchemaLint.Lint(entry.Key, entry.Value.File.Text, entry.Value.Root, roots, entry.Value.File.Path, diagnostics, keywords[entry.Key]);
            if (diagnostics.Count == before)
            {
                clean.Add(entry.Key);
            }
        }

        // NJsonSchema reads the schemas with each regular expression marked, so that SchemaPatterns can take them all back.
        foreach (var entry in parsed.Where(p => clean.Contains(p.Key)))
        {
            keywords[entry.Key].ForEach(keyword => SchemaPatterns.Mark(keyword, entry.Value.File.Path));
        }

        var texts = parsed.ToDictionary(p => p.Key, p => p.Value.Root.ToString(Formatting.None), StringComparer.Ordinal);
        var patterns = new SchemaPatterns();
        var byKind = ImmutableDictionary.CreateBuilder<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var entry in parsed)
        {
            if (!entry.Key.EndsWith(SchemaSuffix, StringComparison.Ordinal) || !clean.Contains(entry.Key) || !ReferencesAreClean(entry.Value.Root, clean))
            {
                continue;
            }

            try
            {
                var schema = FromJson(entry.Key, texts);
                patterns.Take(schema);
                byKind.Add(entry.Key.Substring(0, entry.Key.Length - SchemaSuffix.Length), schema);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                var inner = ex;
                while (inner.InnerException is not null)
                {
                    inner = inner.InnerException;
                }

                diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.SchemaInvalid, entry.Value.File.Path, SourceSpan.FileStart, inner.Message));
            }
        }

        return new SchemaSet(byKind.ToImmutable(), patterns, diagnostics.ToImmutableArray());
    }

    private static JObject? Parse(SourceFile file, List<CatalogDiagnostic> diagnostics)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(file.Text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (token is JObject root)
            {
                return root;
            }

            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.SchemaInvalid, file.Path, SourceSpan.FileStart, "the top level must be a JSON object"));
        }
        catch (JsonReaderException ex)
        {
            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.SchemaInvalid, file.Path, ReaderErrorSpan(file.Text, ex), NewtonsoftPosition.Replace(ex.Message, string.Empty)));
        }

        return null;
    }

    /// <summary>Where a JSON reading error is: Newtonsoft reports the last character it consumed, not the culprit.</summary>
    private static SourceSpan ReaderErrorSpan(string text, JsonReaderException ex)
    {
        string[] lines = text.Split('\n');
        int line = Math.Max(1, ex.LineNumber);
        string current = line <= lines.Length ? lines[line - 1] : string.Empty;
        if (DuplicateName.Match(ex.Message) is { Success: true } duplicate)
        {
            return SchemaLint.NameSpan(lines, line, ex.LinePosition, duplicate.Groups[1].Value);
        }

        if (ex.Message.StartsWith("Invalid character after parsing property name", StringComparison.Ordinal))
        {
            int next = ex.LinePosition;
            while (next < current.Length && char.IsWhiteSpace(current[next]))
            {
                next++;
            }

            return SourceSpan.At(line, next + 1);
        }

        return SourceSpan.At(line, Math.Max(1, ex.LinePosition));
    }

    private static bool ReferencesAreClean(JObject root, HashSet<string> clean) =>
        root.Descendants().OfType<JProperty>()
            .Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String)
            .Select(p => ((string)p.Value!).Split('#')[0])
            .All(file => file.Length == 0 || clean.Contains(file));

    private static JsonSchema FromJson(string name, IReadOnlyDictionary<string, string> texts)
    {
        // Every reference was checked by the lint to stay inside the set; the resolver below can only read from it.
        Func<JsonSchema, JsonReferenceResolver> factory = null!;
        factory = schema => new OfflineReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()), texts, () => factory);
        return JsonSchema.FromJsonAsync(texts[name], name, factory, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Resolves file references from the in-memory set only. It has no way to open a file or a socket.</summary>
    private sealed class OfflineReferenceResolver : JsonReferenceResolver
    {
        private readonly IReadOnlyDictionary<string, string> texts;
        private readonly Func<Func<JsonSchema, JsonReferenceResolver>> factory;

        public OfflineReferenceResolver(JsonSchemaAppender appender, IReadOnlyDictionary<string, string> texts, Func<Func<JsonSchema, JsonReferenceResolver>> factory)
            : base(appender)
        {
            this.texts = texts;
            this.factory = factory;
        }

        // The lint allows only bare file names of the set, so the reference is its own path (fragment kept).
        public override string ResolveFilePath(string documentPath, string jsonPath) => jsonPath;

        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
        {
            // NJsonSchema hands over a path it made absolute; only the bare name counts, and only the set is read.
            string name = Path.GetFileName(filePath.Split('#')[0]);
            if (!texts.TryGetValue(name, out var text))
            {
                throw new InvalidOperationException("the schema file '" + name + "' is not in the schema set");
            }

            return await JsonSchema.FromJsonAsync(text, name, factory(), cancellationToken).ConfigureAwait(false);
        }

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the remote reference '" + url + "' is refused: schemas resolve offline only");
    }
}
