using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Yaml;
using EvidenceCatalog.Generator.Diagnostics;
using EvidenceCatalog.Generator.Emit;
using EvidenceCatalog.Generator.Pipeline;
using EvidenceCatalog.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvidenceCatalog.Generator;

/// <summary>
/// Compiles the catalogs given as AdditionalFiles (item metadata <c>EvidenceCatalogItem</c> = <c>Catalog</c> or
/// <c>Schema</c>) into typed C#, and reports every catalog diagnostic at its YAML location. Reads nothing but its inputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CatalogGenerator : IIncrementalGenerator
{
    private const string ItemMetadata = "build_metadata.AdditionalFiles.EvidenceCatalogItem";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, ct) =>
            {
                var (text, options) = pair;
                if (!options.GetOptions(text).TryGetValue(ItemMetadata, out var item))
                {
                    return null;
                }

                CatalogItemKind? kind = item.Trim() switch
                {
                    var v when v.Equals("Catalog", StringComparison.OrdinalIgnoreCase) => CatalogItemKind.Catalog,
                    var v when v.Equals("Schema", StringComparison.OrdinalIgnoreCase) => CatalogItemKind.Schema,
                    _ => null,
                };
                if (kind is null)
                {
                    return null;
                }

                var source = text.GetText(ct);
                return new CatalogFileInput(kind.Value, text.Path, source?.ToString(), NonUtf8EncodingOf(source));
            })
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.InputFiles);

        var catalogFiles = inputFiles
            .Where(file => file.Item == CatalogItemKind.Catalog)
            .WithTrackingName(TrackingNames.CatalogFiles);

        var schemaSet = inputFiles
            .Where(file => file.Item == CatalogItemKind.Schema)
            .Select((file, _) => new SourceFile(file.Path, file.Text ?? string.Empty))
            .Collect()
            .Select((files, _) => new SchemaSetInput(files.ToEquatableArray()))
            .WithTrackingName(TrackingNames.SchemaSet);

        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var loadedFiles = catalogFiles
            .Combine(schemaSet)
            .Select((pair, _) => Load(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.LoadedCatalogFile);

        var linked = loadedFiles
            .Collect()
            .Combine(schemaSet)
            .Combine(options)
            .Select((pair, _) => Link(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.LinkedCatalog);

        var emission = linked
            .Combine(options.Select((o, _) => o.Namespace))
            .Select((pair, _) => CatalogSpecBuilder.Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Emission);

        var sourceModel = emission
            .Select((e, _) => e.Spec)
            .WithTrackingName(TrackingNames.SourceModel);

        var diagnostics = linked
            .Combine(emission)
            .Combine(options)
            .Select((pair, _) => pair.Right.Problems
                .Concat(pair.Left.Left.Diagnostics) // judged by the linker already
                .Concat(pair.Left.Right.Diagnostics.Select(pair.Right.CompilerOptions.Judge))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(sourceModel, static (spc, spec) =>
        {
            var (sources, errors) = CatalogEmitter.Emit(spec);
            foreach (var source in sources)
            {
                spc.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
            }

            foreach (var error in errors)
            {
                spc.ReportDiagnostic(RoslynDiagnostics.ToRoslyn(error));
            }
        });

        context.RegisterSourceOutput(diagnostics, static (spc, all) =>
        {
            foreach (var diagnostic in all)
            {
                spc.ReportDiagnostic(RoslynDiagnostics.ToRoslyn(diagnostic));
            }
        });
    }

    private static LoadedCatalogFile Load(CatalogFileInput file, SchemaSetInput schemas)
    {
        if (file.Text is null)
        {
            return CatalogFileLoader.Unreadable(CatalogDiagnostic.Create(DiagnosticDescriptors.FileUnreadable, file.Path, SourceSpan.FileStart));
        }

        if (file.Encoding is not null)
        {
            return CatalogFileLoader.Unreadable(CatalogDiagnostic.Create(DiagnosticDescriptors.FileNotUtf8, file.Path, SourceSpan.FileStart, file.Encoding));
        }

        // Where the compiler keeps UTF-8 and replaces each invalid byte with U+FFFD (Linux), the replacement shows where.
        int replaced = file.Text.IndexOf('\uFFFD');
        if (replaced >= 0)
        {
            return CatalogFileLoader.Unreadable(CatalogDiagnostic.Create(
                DiagnosticDescriptors.FileNotUtf8, file.Path, SourceSpan.AtOffset(file.Text, replaced), "UTF-8, replacing the invalid bytes with U+FFFD"));
        }

        return CatalogFileLoader.Load(new SourceFile(file.Path, file.Text), schemas.Schemas, YamlLimits.Default);
    }

    private static LinkedCatalog Link(ImmutableArray<LoadedCatalogFile> files, SchemaSetInput schemas, GeneratorOptions options)
    {
        var result = CatalogLinker.Link(files, options.CompilerOptions, schemas.Schemas.Diagnostics);
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray();
        return new LinkedCatalog(result.Model, result.Diagnostics.ToEquatableArray(), ordered);
    }

    /// <summary>
    /// The encoding the compiler fell back to when the file is not valid UTF-8, else null. The compiler decodes
    /// AdditionalFiles as UTF-8 and, when that fails, silently in a legacy code page.
    /// </summary>
    private static string? NonUtf8EncodingOf(SourceText? text) =>
        text?.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage ? encoding.WebName : null;
}
