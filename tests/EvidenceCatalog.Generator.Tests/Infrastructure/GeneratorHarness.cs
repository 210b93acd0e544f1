using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EvidenceCatalog.Compiler;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvidenceCatalog.Generator.Tests.Infrastructure;

/// <summary>Runs the catalog generator in a CSharpGeneratorDriver over in-memory catalog and schema files.</summary>
internal sealed class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            // The test host also loads the real generated Catalogs assembly; the host compilation must not see it.
            .Where(p => !System.IO.Path.GetFileName(p).StartsWith("EvidenceCatalog.", StringComparison.Ordinal))
            .Append(typeof(EvidenceCatalog.Model.CatalogModel).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private readonly Dictionary<string, string> globalOptions = new(StringComparer.Ordinal);
    private readonly List<(AdditionalText Text, string Item)> files = new();

    public GeneratorHarness WithCatalogs(IEnumerable<SourceFile> catalogs)
    {
        foreach (var file in catalogs)
        {
            files.Add((new InMemoryAdditionalText(file.Path, file.Text), "Catalog"));
        }

        return this;
    }

    public GeneratorHarness WithSchemas(IEnumerable<SourceFile> schemas)
    {
        foreach (var file in schemas)
        {
            files.Add((new InMemoryAdditionalText(file.Path, file.Text), "Schema"));
        }

        return this;
    }

    /// <summary>A catalog item whose file the compiler could not read (it hands the generator no text).</summary>
    public GeneratorHarness WithMissingCatalog(string path)
    {
        files.Add((new MissingAdditionalText(path), "Catalog"));
        return this;
    }

    public GeneratorHarness WithSampleCatalogs() => WithCatalogs(RepositoryFiles.SampleCatalogs()).WithSchemas(RepositoryFiles.Schemas());

    /// <summary>The additional file the driver was given for <paramref name="path"/> (to replace it between runs).</summary>
    public AdditionalText FileAt(string path) => files.Single(f => f.Text.Path == path).Text;

    public GeneratorHarness WithOption(string property, string value)
    {
        globalOptions["build_property." + property] = value;
        return this;
    }

    /// <summary>A compilation holding one ordinary C# file, the generator's host.</summary>
    public static CSharpCompilation HostCompilation(string source = "namespace Host { public static class Marker { } }") =>
        CSharpCompilation.Create(
            "Host",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Host.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new CatalogGenerator().AsSourceGenerator() },
            files.Select(f => f.Text),
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(globalOptions, files.ToDictionary(f => f.Text.Path, f => f.Item, StringComparer.Ordinal)),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the driver (for reruns), the output compilation and the generator's diagnostics.</summary>
    public (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation? host = null)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(host ?? HostCompilation(), out var output, out var diagnostics, CancellationToken.None);
        return (driver, output, diagnostics);
    }

    /// <summary>An additional file held in memory.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>An additional file that does not exist: the compiler gives no text for it.</summary>
    private sealed class MissingAdditionalText : AdditionalText
    {
        public MissingAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }

    /// <summary>Item metadata by file path, so that a file replaced between runs keeps its item kind.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly IReadOnlyDictionary<string, string> items;

        public OptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> items)
        {
            GlobalOptions = new Options(global);
            this.items = items;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            items.TryGetValue(textFile.Path, out var item)
                ? new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.EvidenceCatalogItem"] = item })
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
