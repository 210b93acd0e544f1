using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Init;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence init [DIR] --org-id ID --org-name NAME [--sources ID,...]</c>: writes a minimal, valid catalog set for a
/// new organisation (<see cref="CatalogStarter"/>) under <c>DIR/catalogs</c>, with the schemas under
/// <c>DIR/schemas</c>; refuses, writing nothing, when any of those files exists; checks what it wrote compiles.
/// </summary>
internal sealed class InitCommand : Command
{
    private readonly CommandContext context;

    private readonly Argument<string> directory = new("dir")
    {
        Description = "Folder to write catalogs/ and schemas/ into (default: the working directory).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string> organizationId = new("--org-id")
    {
        Description = "The organisation's id, as its events' account (e.g. acme-cloud).",
        HelpName = "id",
        Required = true,
    };

    private readonly Option<string> organizationName = new("--org-name")
    {
        Description = "The organisation's name, as reports show it (e.g. \"Acme Cloud, Inc.\").",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string[]> sources = new("--sources")
    {
        Description = "Shipped log sources to start from, comma-separated: an id or the start of one (aws-cloudtrail,okta); an unknown one is refused naming them all.",
        HelpName = "ids",
        AllowMultipleArgumentsPerToken = true,
    };

    public InitCommand(CommandContext context)
        : base("init", "Start the catalogs of a new organisation: a minimal, valid set to edit.")
    {
        this.context = context;
        Arguments.Add(directory);
        Options.Add(organizationId);
        Options.Add(organizationName);
        Options.Add(sources);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        string root = Path.GetFullPath(parseResult.GetValue(directory)!, context.WorkingDirectory);
        var sourceIds = (parseResult.GetValue(sources) ?? [])
            .SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Resolve)
            .ToArray();
        var files = Starter(parseResult.GetValue(organizationId)!, parseResult.GetValue(organizationName)!, sourceIds);

        // What init writes must validate as it is: the promise of init, checked at every run before anything is written.
        var catalogs = files.Where(f => f.RelativePath.StartsWith("catalogs/", StringComparison.Ordinal)).ToArray();
        var compiled = CatalogCompiler.Compile(
            catalogs.Select(f => new SourceFile(Path.Combine(root, f.RelativePath), f.Text)),
            SchemaSet.Embedded,
            new CompilerOptions { AsOf = context.Today });
        var problems = compiled.Diagnostics.ToArray();
        if (problems.Length > 0)
        {
            new TextDiagnosticFormatter().Write(new ValidationReport(catalogs.Length, problems), context.Error);
            context.Error.WriteLine("evidence: internal error: the catalogs init would write do not validate, so nothing was written; this is a bug in evidence, please report it");
            return ExitCodes.Failed;
        }

        var existing = files.Select(f => f.RelativePath).Where(p => File.Exists(Path.Combine(root, p))).ToArray();
        if (existing.Length > 0)
        {
            throw new CommandInputException(
                $"{existing.Length} of the files init writes already exist in {Display(root)} ({string.Join(", ", existing.Take(5))}{(existing.Length > 5 ? ", …" : string.Empty)}); "
                + "nothing was written: run init in an empty folder, or move those files away");
        }

        foreach (var file in files)
        {
            string path = Path.Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(file.Text);
        }

        string where = Display(root);
        context.Output.WriteLine($"wrote {catalogs.Length} catalog files and {files.Count - catalogs.Length} schemas to {where}: 0 errors, 0 warnings");
        foreach (var file in catalogs)
        {
            context.Output.WriteLine("  " + file.RelativePath);
        }

        string cd = where == "." ? string.Empty : $"cd {where} && ";
        context.Output.WriteLine($"next: edit catalogs/controls/controls.yaml and catalogs/policies/policies.yaml, then {cd}evidence validate --strict");
        return ExitCodes.Success;
    }

    private string Resolve(string name)
    {
        try
        {
            return CatalogStarter.ResolveSource(name);
        }
        catch (ArgumentException exception)
        {
            throw new CommandInputException(exception.Message);
        }
    }

    private static System.Collections.Generic.IReadOnlyList<StarterFile> Starter(string id, string name, string[] sourceIds)
    {
        try
        {
            return CatalogStarter.Files(id, name, sourceIds);
        }
        catch (ArgumentException exception)
        {
            throw new CommandInputException(exception.Message);
        }
    }

    private string Display(string path)
    {
        string relative = Path.GetRelativePath(context.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
