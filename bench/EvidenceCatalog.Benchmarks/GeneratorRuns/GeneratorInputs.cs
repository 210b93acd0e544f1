using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EvidenceCatalog.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvidenceCatalog.Benchmarks.GeneratorRuns;

/// <summary>
/// The inputs of one generator run, as a build hands them to the compiler: every catalog (*.yaml, *.yml) and schema
/// (*.json) as an in-memory AdditionalText with full paths and <c>EvidenceCatalogItem</c> metadata, and a host
/// compilation of one file. Adapted from the generator tests' harness (not referenced: the bench stands alone).
/// </summary>
internal sealed class GeneratorInputs
{
    private const string ItemMetadata = "build_metadata.AdditionalFiles.EvidenceCatalogItem";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("EvidenceCatalog.", StringComparison.Ordinal))
            .Append(typeof(EvidenceCatalog.Model.CatalogModel).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private readonly Dictionary<string, string> items = new(StringComparer.Ordinal);

    private GeneratorInputs(ImmutableArray<AdditionalText> texts, CSharpCompilation host)
    {
        Texts = texts;
        Host = host;
    }

    public ImmutableArray<AdditionalText> Texts { get; }

    /// <summary>The compilation the generator runs against (one trivial file; the generator reads only its AdditionalFiles).</summary>
    public CSharpCompilation Host { get; }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Reads <paramref name="catalogsDir"/> recursively and the schemas folder, like the MSBuild default items.</summary>
    public static GeneratorInputs Read(string catalogsDir, string schemasDir)
    {
        var catalogs = Directory.EnumerateFiles(catalogsDir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new InMemoryAdditionalText(Path.GetFullPath(f), File.ReadAllText(f)));
        var schemas = Directory.EnumerateFiles(schemasDir, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new InMemoryAdditionalText(Path.GetFullPath(f), File.ReadAllText(f)));

        var host = CSharpCompilation.Create(
            "EvidenceCatalog.Catalogs",
            new[] { CSharpSyntaxTree.ParseText("namespace Host { public static class Marker { } }", ParseOptions, path: "Host.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var inputs = new GeneratorInputs(catalogs.Concat(schemas).Cast<AdditionalText>().ToImmutableArray(), host);
        foreach (var text in inputs.Texts)
        {
            inputs.items[text.Path] = text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "Schema" : "Catalog";
        }

        return inputs;
    }

    /// <summary>The AdditionalText whose path ends with <paramref name="suffix"/> (e.g. <c>controls/access.yaml</c>).</summary>
    public AdditionalText FileEndingWith(string suffix) =>
        Texts.Single(t => t.Path.Replace('\\', '/').EndsWith("/" + suffix, StringComparison.Ordinal));

    /// <summary>A copy of <paramref name="original"/> at the same path with one textual replacement (so it keeps its item kind).</summary>
    public static AdditionalText Edited(AdditionalText original, string find, string replace)
    {
        string text = original.GetText()!.ToString();
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(original.Path + " does not contain '" + find + "'");
        }

        return new InMemoryAdditionalText(original.Path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>A new driver over these inputs: its pipeline caches are empty.</summary>
    public GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new CatalogGenerator().AsSourceGenerator() },
            Texts,
            ParseOptions,
            new OptionsProvider(items),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Throws unless the run produced sources and no diagnostic at all: a benchmark of a failing run measures the wrong thing.</summary>
    public static void RequireClean(string what, GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException(what + ": the generator threw", result.Exception);
        }

        if (result.Diagnostics.Length > 0 || result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException(
                what + $": expected generated sources and no diagnostics, got {result.GeneratedSources.Length} sources and:\n" +
                string.Join("\n", result.Diagnostics.Take(20)));
        }
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>Item metadata by path, so that a file replaced between runs keeps its item kind.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly IReadOnlyDictionary<string, string> items;

        public OptionsProvider(IReadOnlyDictionary<string, string> items)
        {
            this.items = items;
            GlobalOptions = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "EvidenceCatalog.Catalogs" });
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            items.TryGetValue(textFile.Path, out var item)
                ? new Options(new Dictionary<string, string> { [ItemMetadata] = item })
                : Options.Empty;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> values;

        public Options(IReadOnlyDictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
