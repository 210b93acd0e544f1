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

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "json: the report. csv: one row per control × evidence event, with a detached signature FILE.sig.",
        DefaultValueFactory = _ => "json",
    }.AcceptOnlyFromAmong("json", "csv");

    private readonly Option<string?> output = CommandOptions.Output("Where to write (default evidence-report.json or evidence-report.csv; - for standard output, JSON only).");

    private readonly ReportSourceOptions run = new();

    public ReportCommand(CommandContext context)
        : base("report", "Build the SOC 2 evidence report for a window from events or a store, signed.")
    {
        this.context = context;
        run.AddTo(this);
        Options.Add(format);
        Options.Add(output);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => run.Catalogs.Run(context, parseResult, catalog => Report(parseResult, catalog));

    private int Report(ParseResult parseResult, LoadedCatalog catalog)
    {
        var keys = run.Signing.LoadSigningKeys(context, parseResult);
        bool csv = parseResult.GetValue(format) == "csv";
        string outputPath = parseResult.GetValue(output) ?? (csv ? "evidence-report.csv" : "evidence-report.json");
        using var report = run.Open(context, parseResult, catalog, keys, outputPath == "-" ? "evidence-report" : outputPath);
        var files = new ReportFiles(context);
        IReadOnlyList<string> incomplete;
        try
        {
            if (csv)
            {
                var (result, _) = files.WriteCsv(report.Job, report.Source, outputPath, keys);
                incomplete = ReportSourceOptions.Damaged(result.Ingestion).ToList();
            }
            else
            {
                var (result, _) = files.WriteJson(report.Job, report.Source, outputPath, keys);
                incomplete = ReportSourceOptions.Incomplete(result).ToList();
            }
        }
        catch (NoEventsForAccountException exception)
        {
            context.Error.WriteLine($"evidence: {exception.Message}; check --org, or give the inputs of that account");
            return ExitCodes.Failed;
        }

        if (run.RequireComplete(parseResult) && incomplete.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: " + string.Join("; ", incomplete));
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
