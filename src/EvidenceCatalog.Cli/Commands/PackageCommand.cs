using System.CommandLine;
using System.Linq;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence package (--events FILE... | --store LOCATION) --org ID --from DATE --to DATE --sign-key PEM [--output DIR|FILE.zip]</c>:
/// the auditor's package for the window — the signed report, the evidence population as one CSV per control, the samples,
/// the HTML workpaper, the OSCAL documents, a manifest, and a DSSE envelope over an in-toto statement of every file's SHA-256. The options are those of <c>evidence report</c>.
/// </summary>
internal sealed class PackageCommand : Command
{
    private const string DefaultOutput = "evidence-package.zip";

    private readonly CommandContext context;

    private readonly Option<string?> output = CommandOptions.Output("The package: a folder, or a zip archive when the path ends in .zip (default " + DefaultOutput + ").");

    private readonly ReportSourceOptions run = new();

    public PackageCommand(CommandContext context)
        : base("package", "Build the auditor's package for a window: signed report, population CSV per control, samples, HTML workpaper, OSCAL, manifest and a signed DSSE/in-toto bundle.")
    {
        this.context = context;
        run.AddTo(this);
        Options.Add(output);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => run.Catalogs.Run(context, parseResult, catalog => Package(parseResult, catalog));

    private int Package(ParseResult parseResult, LoadedCatalog catalog)
    {
        string outputPath = (parseResult.GetValue(output) ?? DefaultOutput).TrimEnd('/', '\\');
        if (outputPath is "-" or "")
        {
            throw new CommandInputException("--output needs a folder or a .zip file: a package is several files");
        }

        if (run.EventFiles(parseResult).Contains("-"))
        {
            throw new CommandInputException("a package reads the events twice (for the report, then for the population): give files or --store, not standard input (-)");
        }

        var files = new PackageFiles(context);
        files.CheckOutput(outputPath);
        var keys = run.Signing.LoadSigningKeys(context, parseResult);
        if (keys.Count == 0)
        {
            throw new CommandInputException("a package is signed: give --sign-key PEM (ECDSA P-256, checked with the public key alone) and/or --hmac-key-file FILE or --hmac-key-env VARIABLE");
        }

        using var report = run.Open(context, parseResult, catalog, keys, outputPath);
        PackageResult result;
        try
        {
            (result, _) = files.Write(new PackageJob(report.Job), report.Source, outputPath, keys, catalog.Catalog.Model);
        }
        catch (NoEventsForAccountException exception)
        {
            context.Error.WriteLine($"evidence: {exception.Message}; check --org, or give the inputs of that account");
            return ExitCodes.Failed;
        }
        catch (PackageSourceChangedException exception)
        {
            context.Error.WriteLine($"evidence: {exception.Message}; no package was written: build it again once the inputs are still");
            return ExitCodes.Failed;
        }

        string key = keys.Any(k => k.Algorithm == SignatureAlgorithms.Es256) ? "--public-key PUBLIC-KEY.pem" : "--hmac-key-file HMAC-KEY";
        context.Output.WriteLine($"verify it: evidence verify {outputPath} {key}");

        var incomplete = ReportSourceOptions.Incomplete(result.Report).ToList();
        if (run.RequireComplete(parseResult) && incomplete.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: " + string.Join("; ", incomplete));
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
