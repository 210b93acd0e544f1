using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Cli.Output.Diff;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diff;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence diff BASE HEAD</c>: compiles two catalog sets, each a folder or a git revision, and reports what changed
/// in their models and what it means (docs/pull-requests.md). Exit 1 only when <c>--fail-on</c> says a finding fails.
/// </summary>
internal sealed class DiffCommand : Command
{
    private const string DefaultFolder = "catalogs";

    private readonly CommandContext context;

    private readonly Argument<string> baseSide = new("base")
    {
        Description = "What the change starts from: a catalog folder, or a git revision (main, HEAD~1, origin/main, a commit).",
    };

    private readonly Argument<string> headSide = new("head")
    {
        Description = "What the change leads to: a catalog folder, or a git revision.",
    };

    private readonly Option<string> catalogs = new("--catalogs")
    {
        Description = "The catalog folder inside a git revision, relative to the working directory (default: catalogs).",
        HelpName = "dir",
        DefaultValueFactory = _ => DefaultFolder,
    };

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "How to report: text, markdown (a pull-request comment), json, github (workflow annotations), sarif (SARIF 2.1.0) or junit (JUnit XML, a test case per finding).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "markdown", "json", "github", "sarif", "junit");

    private readonly Option<string> failOn = new Option<string>("--fail-on")
    {
        Description = "Exit 1 when a finding of this sort appears: regression (a documented regression class), finding (any finding) or none.",
        DefaultValueFactory = _ => "none",
    }.AcceptOnlyFromAmong("none", "regression", "finding");

    private readonly Option<string?> output = CommandOptions.Output("Write the report to this file instead of standard output (the summary line still goes to standard output).");

    public DiffCommand(CommandContext context)
        : base("diff", "Compare two catalog sets (folders or git revisions) as models: what changed, and which changes are regressions.")
    {
        this.context = context;
        Arguments.Add(baseSide);
        Arguments.Add(headSide);
        Options.Add(catalogs);
        Options.Add(format);
        Options.Add(failOn);
        Options.Add(output);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult)
    {
        string folder = parseResult.GetValue(catalogs) ?? DefaultFolder;
        var options = new CompilerOptions();
        var sides = new[] { ("BASE", parseResult.GetValue(baseSide)!), ("HEAD", parseResult.GetValue(headSide)!) }
            .Select(side => Compile(side.Item1, side.Item2, folder, options))
            .ToList();
        if (sides.Any(s => s is null))
        {
            return ExitCodes.UsageOrInputError;
        }

        var diff = CatalogDiff.Compare(sides[0]!, sides[1]!);
        var report = new DiffReport(diff, ParseFailOn(parseResult.GetValue(failOn)));
        var formatter = Formatter(parseResult.GetValue(format));
        TextReportFile.Write(context, parseResult.GetValue(output), writer => formatter.Write(report, writer), report.SummaryLine());
        return report.Fails ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>One side compiled; null after writing its errors to standard error, naming the side.</summary>
    private CatalogSide? Compile(string role, string given, string folder, CompilerOptions options)
    {
        var (sources, revision) = Read(role, given, folder, options);
        var (side, result) = CatalogSide.Compile(given, sources.Files, SchemaSet.Embedded, options, sources.Diagnostics);
        if (side is not null)
        {
            return side;
        }

        // A revision's files are not the working tree's: name them as git does (REV:path), so nobody opens the wrong file.
        var errors = result.Diagnostics.Where(d => d.IsError)
            .Select(d => revision is null || d.FilePath.Length == 0 ? d : d with { FilePath = given + ":" + d.FilePath });
        foreach (var error in errors)
        {
            context.Error.WriteLine(error.ToString());
        }

        string what = revision is null ? $"the catalog folder '{given}'" : $"the catalogs of revision '{given}' ({folder}/ at {revision[..Math.Min(12, revision.Length)]})";
        context.Error.WriteLine($"evidence: {role} does not compile: {what} has {DiffReport.Count(result.ErrorCount, "error", "errors")}; fix them (see 'evidence validate') and run the diff again");
        return null;
    }

    /// <summary>The side's catalog files: a folder when one exists at <paramref name="given"/>, else the revision git resolves it to.</summary>
    private (DecodedSources Sources, string? Commit) Read(string role, string given, string folder, CompilerOptions options)
    {
        string path = Path.GetFullPath(given, context.WorkingDirectory);
        if (Directory.Exists(path))
        {
            var files = CatalogFileDiscovery.FindCatalogs([path], context.WorkingDirectory);
            if (files.Files.IsEmpty && files.Refused.IsEmpty)
            {
                throw new CommandInputException($"{role} '{given}' is a folder with no *.yaml or *.yml catalog in it");
            }

            var decoded = SourceFileReader.Read(files.Files, options.Limits);
            return (new DecodedSources(decoded.Files, [.. files.Refused, .. decoded.Diagnostics]), null);
        }

        string? problem = null;
        if (given.Length == 0 || GitRevision.ResolveCommit(context.WorkingDirectory, given, out problem) is not { } commit)
        {
            string why = problem is null ? string.Empty : " (git: " + problem + ")";
            throw new CommandInputException($"{role} '{given}' is neither a folder nor a git revision{why}; give a catalog folder, or a branch, tag or commit of the repository you run in");
        }

        return (GitRevision.ReadCatalogs(context.WorkingDirectory, given, commit, folder, options.Limits), commit);
    }

    private IDiffFormatter Formatter(string? name) => name switch
    {
        "markdown" => new DiffMarkdownWriter(),
        "json" => new DiffJsonWriter(),
        "github" => new DiffGitHubWriter(),
        "sarif" => new DiffSarifWriter(),
        "junit" => new DiffJUnitWriter(context.Clock.GetUtcNow()),
        _ => new DiffTextWriter(),
    };

    private static FailOn ParseFailOn(string? name) => name switch
    {
        "regression" => FailOn.Regression,
        "finding" => FailOn.Finding,
        _ => FailOn.None,
    };
}
