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
using EvidenceCatalog.Runtime.Workpaper;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence report (--events FILE... [--source ID]... | --store LOCATION) --org ID --from DATE --to DATE</c>: the signed
/// evidence report (JSON), or the signed evidence population or samples (CSV with a detached signature), of every
/// control or of one. Files of log sources (<c>--source aws-cloudtrail</c>) are mapped to events by the sources' rules,
/// and may be mixed with event files.
/// </summary>
internal sealed class ReportCommand : Command
{
    private readonly CommandContext context;

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "json: the report. csv: the evidence population, one row per control × evidence event. samples-csv: each control's sample, "
            + "one row per sampled event. A CSV gets a detached signature FILE.sig. html: the auditor's workpaper alone (the signed report inside, with a Verify button).",
        DefaultValueFactory = _ => "json",
    }.AcceptOnlyFromAmong("json", "csv", "samples-csv", "html");

    private readonly Option<string?> control = new("--control")
    {
        Description = "With --format csv or samples-csv: the rows of this control alone (its id, e.g. IAM-01).",
        HelpName = "id",
    };

    private readonly Option<string?> output = CommandOptions.Output("Where to write (default evidence-report.json, evidence-report.csv, evidence-samples.csv or " + WorkpaperRenderer.DefaultFileName + "; - for standard output, JSON and HTML only).");

    private readonly Option<bool> requireType2 = new("--require-type2")
    {
        Description = "Exit 1 when the report does not pass Type II (the report is still written), naming the controls and periods that fail it. JSON only.",
    };

    private readonly ReportSourceOptions run = new();

    public ReportCommand(CommandContext context)
        : base("report", "Build the SOC 2 evidence report for a window from events or a store, signed.")
    {
        this.context = context;
        run.AddTo(this);
        Options.Add(format);
        Options.Add(control);
        Options.Add(output);
        Options.Add(requireType2);
        Validators.Add(result =>
        {
            if (result.GetValue(requireType2) && result.GetValue(format) is "csv" or "samples-csv")
            {
                result.AddError("--require-type2 judges the JSON report; a CSV population has no Type II verdict, so run it with --format json or html");
            }
        });
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => run.Catalogs.Run(context, parseResult, catalog => Report(parseResult, catalog));

    private int Report(ParseResult parseResult, LoadedCatalog catalog)
    {
        string kind = parseResult.GetValue(format)!;
        string? only = parseResult.GetValue(control);
        if (only is not null)
        {
            if (kind is "json" or "html")
            {
                throw new CommandInputException("--control selects the rows of a CSV export: give --format csv or --format samples-csv with it");
            }

            CommandOptions.RequireControl(catalog.Catalog.Model, only);
        }

        var keys = run.Signing.LoadSigningKeys(context, parseResult);
        string outputPath = parseResult.GetValue(output) ?? kind switch
        {
            "csv" => "evidence-report.csv",
            "samples-csv" => "evidence-samples.csv",
            "html" => WorkpaperRenderer.DefaultFileName,
            _ => "evidence-report.json",
        };
        using var report = run.Open(context, parseResult, catalog, keys, outputPath == "-" ? "evidence-report" : outputPath);
        var files = new ReportFiles(context);
        IReadOnlyList<string> incomplete;
        ReportValidation? validation = null;
        try
        {
            if (kind == "csv")
            {
                var (result, _) = files.WriteCsv(report.Job, report.Source, outputPath, keys, only);
                incomplete = ReportSourceOptions.Damaged(result.Ingestion).ToList();
            }
            else if (kind == "samples-csv")
            {
                var (result, _) = files.WriteSamplesCsv(report.Job, report.Source, outputPath, keys, only);
                incomplete = ReportSourceOptions.Damaged(result.Ingestion).ToList();
            }
            else
            {
                var (result, _) = kind == "html"
                    ? files.WriteHtml(report.Job, report.Source, outputPath, keys, catalog.Catalog.Model)
                    : files.WriteJson(report.Job, report.Source, outputPath, keys, catalog.Catalog.Model);
                incomplete = ReportSourceOptions.Incomplete(result).ToList();
                validation = result.Report.Validation;
            }
        }
        catch (NoEventsForAccountException exception)
        {
            context.Error.WriteLine($"evidence: {exception.Message}; check --org, or give the inputs of that account");
            return ExitCodes.Failed;
        }

        bool failed = false;
        if (run.RequireComplete(parseResult) && incomplete.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: " + string.Join("; ", incomplete));
            failed = true;
        }

        if (parseResult.GetValue(requireType2) && validation is { TypeII: false })
        {
            // The warnings are the reasons, one a line: the window's length, the coverage gaps, each control with its periods.
            context.Error.WriteLine("evidence: --require-type2: the report does not pass Type II:");
            foreach (string reason in validation.Warnings)
            {
                context.Error.WriteLine("  " + reason);
            }

            failed = true;
        }

        return failed ? ExitCodes.Failed : ExitCodes.Success;
    }
}
