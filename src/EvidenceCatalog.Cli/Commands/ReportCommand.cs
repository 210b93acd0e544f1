using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence report (--events FILE... | --store LOCATION) --org ID --from DATE --to DATE</c>: the signed evidence report
/// (JSON) or the signed evidence population (CSV with a detached signature).
/// </summary>
internal sealed class ReportCommand : Command
{
    private readonly CommandContext context;

    private readonly ReportInputOptions inputs = new();

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "json: the report. csv: one row per control × evidence event, with a detached signature FILE.sig.",
        DefaultValueFactory = _ => "json",
    }.AcceptOnlyFromAmong("json", "csv");

    private readonly Option<string?> output = CommandOptions.Output("Where to write (default evidence-report.json or evidence-report.csv; - for standard output, JSON only).");

    private readonly CatalogOption catalogs = new();
    private readonly SigningOptions signing = new();

    public ReportCommand(CommandContext context)
        : base("report", "Build the SOC 2 evidence report for a window from events or a store, signed.")
    {
        this.context = context;
        inputs.AddTo(this, format, output);
        catalogs.AddTo(this);
        signing.AddTo(this, verifying: false);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(context, parseResult, catalog => Report(parseResult, catalog));

    private int Report(ParseResult parseResult, LoadedCatalog catalog)
    {
        var keys = signing.LoadSigningKeys(context, parseResult);
        bool csv = parseResult.GetValue(format) == "csv";
        string outputPath = parseResult.GetValue(output) ?? (csv ? "evidence-report.csv" : "evidence-report.json");
        using var run = inputs.Open(context, parseResult, catalog, keys, outputPath == "-" ? "evidence-report" : outputPath);
        var files = new ReportFiles(context);
        IReadOnlyList<string> incomplete;
        try
        {
            if (csv)
            {
                var (result, _) = files.WriteCsv(run.Job, run.Source, outputPath, keys);
                incomplete = ReportInputOptions.Damaged(result.Ingestion).ToList();
            }
            else
            {
                var (result, _) = files.WriteJson(run.Job, run.Source, outputPath, keys);
                incomplete = ReportInputOptions.Incomplete(result).ToList();
            }
        }
        catch (NoEventsForAccountException exception)
        {
            context.Error.WriteLine($"evidence: {exception.Message}; check --org, or give the inputs of that account");
            return ExitCodes.Failed;
        }

        if (inputs.RequireComplete(parseResult) && incomplete.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: " + string.Join("; ", incomplete));
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
