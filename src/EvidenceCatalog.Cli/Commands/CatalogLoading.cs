using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Caching;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>A catalog to run with, and how a report names where it came from.</summary>
internal sealed record LoadedCatalog(IEvidenceCatalog Catalog, string Source);

/// <summary>
/// The catalogs a runtime command works with: <c>--catalogs DIR</c>, else <c>catalogs/</c> in the working directory,
/// compiled at run time (the same model the generator builds). The sample organisation's catalogs built into the tool
/// are used only when asked for (<c>--sample-catalogs</c>), or by <c>demo</c> when there is no <c>catalogs/</c> here:
/// a command never quietly reports on another organisation's catalogs.
/// </summary>
internal sealed class CatalogOption
{
    /// <summary>How a report names the built-in catalogs.</summary>
    public const string SampleSource = "sample catalogs built into the tool";

    private const string DefaultFolder = "catalogs";

    private readonly bool sampleWhenNoFolder;

    private readonly Option<string?> directory = new("--catalogs")
    {
        Description = "Catalog folder (default: catalogs/ in the working directory).",
        HelpName = "dir",
    };

    private readonly Option<bool> sample = new("--sample-catalogs")
    {
        Description = "Use the sample organisation's catalogs built into the tool (Northwind Cloud), not a folder.",
    };

    /// <param name="sampleWhenNoFolder">True for <c>demo</c>: without a catalog folder, the sample catalogs.</param>
    public CatalogOption(bool sampleWhenNoFolder = false)
    {
        this.sampleWhenNoFolder = sampleWhenNoFolder;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(directory);
        command.Options.Add(sample);
    }

    /// <summary>Loads the catalog and runs a command on it: exit 1 (after the diagnostics) when the catalogs have errors.</summary>
    /// <exception cref="CommandInputException">No catalogs were given and there are none here, or the folder does not exist.</exception>
    public int Run(CommandContext context, ParseResult parseResult, Func<LoadedCatalog, int> command)
    {
        var catalog = Load(context, parseResult.GetValue(directory), parseResult.GetValue(sample));
        return catalog is null ? ExitCodes.Failed : command(catalog);
    }

    private LoadedCatalog? Load(CommandContext context, string? folder, bool useSample)
    {
        if (useSample)
        {
            return folder is null
                ? new LoadedCatalog(GeneratedEvidenceCatalog.Instance, SampleSource)
                : throw new CommandInputException("give --catalogs DIR or --sample-catalogs, not both");
        }

        string path = Path.GetFullPath(folder ?? DefaultFolder, context.WorkingDirectory);
        if (!Directory.Exists(path))
        {
            if (folder is not null)
            {
                throw new CommandInputException($"catalog folder '{folder}' does not exist");
            }

            return sampleWhenNoFolder
                ? new LoadedCatalog(GeneratedEvidenceCatalog.Instance, SampleSource)
                : throw new CommandInputException(
                    "there is no catalogs/ folder here: give --catalogs DIR, run where your catalogs/ folder is, or use --sample-catalogs for the sample organisation");
        }

        var catalog = CatalogLoading.Compile(context, path, folder ?? DefaultFolder);
        return catalog is null ? null : new LoadedCatalog(catalog, JsonLinesInput.NameOf(path, context.WorkingDirectory));
    }
}

/// <summary>
/// Compiles a catalog folder for the runtime commands, reporting errors as <c>evidence validate</c> does. A folder that
/// compiled before, unchanged, is loaded from the context's <see cref="CompiledCatalogCache"/> when there is one.
/// </summary>
internal static class CatalogLoading
{
    /// <summary>The catalog, or null after writing its diagnostics to standard error.</summary>
    public static IEvidenceCatalog? Compile(CommandContext context, string path, string given)
    {
        var options = new CompilerOptions { AsOf = context.Today };
        var files = CatalogFileDiscovery.FindCatalogs([path], context.WorkingDirectory);
        var sources = SourceFileReader.Read(files.Files, options.Limits);
        CatalogModel? model;
        if (files.Refused.IsEmpty && sources.Diagnostics.IsEmpty && context.CatalogCache is { } cache)
        {
            string key = CompiledCatalogCache.Key(sources.Files, options);
            model = cache.TryLoad(key);
            if (model is null)
            {
                model = Compile(context, files, sources, options, given);
                if (model is not null)
                {
                    cache.Store(key, model);
                }
            }
        }
        else
        {
            model = Compile(context, files, sources, options, given);
        }

        return model is null ? null : new ModelEvidenceCatalog(model);
    }

    private static CatalogModel? Compile(CommandContext context, Discovery files, DecodedSources sources, CompilerOptions options, string given)
    {
        var result = CatalogCompiler.Compile(sources.Files, SchemaSet.Embedded, options, files.Refused.Concat(sources.Diagnostics));
        if (!result.Succeeded)
        {
            var report = new ValidationReport(files.Files.Length, result.Diagnostics.Where(d => d.IsError));
            new TextDiagnosticFormatter().Write(report, context.Error);
            context.Error.WriteLine($"evidence: the catalogs in '{given}' have errors; fix them (see 'evidence validate') before building reports");
            return null;
        }

        return result.Model;
    }
}
