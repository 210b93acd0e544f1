using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The catalogs a runtime command works with: <c>--catalogs DIR</c> compiled at run time (the same model the generator
/// builds), or — when no folder is given and there is no <c>catalogs/</c> here — the sample catalogs built into the tool.
/// </summary>
internal sealed class CatalogOption
{
    private readonly Option<string?> directory = new("--catalogs")
    {
        Description = "Catalog folder (default: catalogs/ here, else the sample catalogs built into the tool).",
        HelpName = "dir",
    };

    public void AddTo(Command command) => command.Options.Add(directory);

    /// <summary>
    /// Loads the catalog and runs a command on it: exit 1 (after the diagnostics) when the catalogs have errors, and 2
    /// with one line when an input cannot be used — never a stack trace.
    /// </summary>
    public int Run(CommandContext context, ParseResult parseResult, Func<IEvidenceCatalog, int> command)
    {
        try
        {
            var catalog = CatalogLoading.Load(context, parseResult.GetValue(directory));
            return catalog is null ? ExitCodes.CatalogErrors : command(catalog);
        }
        catch (Exception exception) when (CommandFailures.IsInputProblem(exception))
        {
            context.Error.WriteLine("evidence: " + CommandFailures.Describe(exception));
            return ExitCodes.UsageOrInputError;
        }
    }
}

/// <summary>Compiles a catalog folder for the runtime commands, reporting errors as <c>evidence validate</c> does.</summary>
internal static class CatalogLoading
{
    /// <summary>The catalog, or null after writing its diagnostics to standard error.</summary>
    public static IEvidenceCatalog? Load(CommandContext context, string? directory)
    {
        string path = Path.GetFullPath(directory ?? "catalogs", context.WorkingDirectory);
        if (directory is null && !Directory.Exists(path))
        {
            return GeneratedEvidenceCatalog.Instance;
        }

        if (!Directory.Exists(path))
        {
            throw new CommandInputException($"catalog folder '{directory}' does not exist");
        }

        var options = new CompilerOptions { AsOf = context.Today };
        var files = CatalogFileDiscovery.FindCatalogs([path], context.WorkingDirectory);
        var sources = SourceFileReader.Read(files, options.Limits);
        var result = CatalogCompiler.Compile(sources.Files, SchemaSet.Embedded, options, sources.Diagnostics);
        if (!result.Succeeded)
        {
            var report = new ValidationReport(files.Length, result.Diagnostics.Where(d => d.IsError));
            new TextDiagnosticFormatter().Write(report, context.Error);
            context.Error.WriteLine($"evidence: the catalogs in '{directory ?? "catalogs"}' have errors; fix them (see 'evidence validate') before building reports");
            return null;
        }

        return new ModelEvidenceCatalog(result.Model);
    }
}
