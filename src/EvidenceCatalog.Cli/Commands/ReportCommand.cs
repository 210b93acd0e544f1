using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence report (--events FILE... | --store LOCATION) --org ID --from DATE --to DATE</c>: the signed evidence report
/// (JSON) or the signed evidence population (CSV with a detached signature).
/// </summary>
internal sealed class ReportCommand : Command
{
    private readonly CommandContext context;

    private readonly Option<string[]> events = new("--events")
    {
        Description = "JSON Lines event files (gzip recognised; - for standard input), read as a stream.",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> store = new("--store")
    {
        Description = "An event store filled by 'evidence ingest', " + CommandOptions.StoreLocationHelp + "; aggregation runs inside the database.",
        HelpName = "location",
    };

    private readonly Option<string> org = new("--org")
    {
        Description = "The account (organisation) whose events are the evidence.",
        HelpName = "id",
        Required = true,
    };

    private readonly Option<CalendarDate?> from = new("--from")
    {
        Description = "First day of the window, YYYY-MM-DD, inclusive.",
        HelpName = "date",
        Required = true,
        CustomParser = CommandOptions.ParseDate,
    };

    private readonly Option<CalendarDate?> to = new("--to")
    {
        Description = "Last day of the window, YYYY-MM-DD, inclusive.",
        HelpName = "date",
        Required = true,
        CustomParser = CommandOptions.ParseDate,
    };

    private readonly Option<string> tz = new("--tz")
    {
        Description = "IANA time zone the window's days are counted in.",
        HelpName = "zone",
        DefaultValueFactory = _ => "UTC",
    };

    private readonly Option<string?> access = new("--access")
    {
        Description = "Access snapshot (JSON) for the access review; without it that section is degraded.",
        HelpName = "file",
    };

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "json: the report. csv: one row per control × evidence event, with a detached signature FILE.sig.",
        DefaultValueFactory = _ => "json",
    }.AcceptOnlyFromAmong("json", "csv");

    private readonly Option<string?> output = new("--out", "-o")
    {
        Description = "Where to write (default evidence-report.json or evidence-report.csv; - for standard output, JSON only).",
        HelpName = "path",
    };

    private readonly Option<int> gapDays = new("--gap-days")
    {
        Description = "A coverage gap is a run of at least this many days without evidence.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<int> sampleSize = new("--sample-size")
    {
        Description = "Evidence events shown per control.",
        DefaultValueFactory = _ => 5,
    };

    private readonly Option<bool> requireComplete = new("--require-complete")
    {
        Description = "Exit 1 when any section is degraded (the report is still written).",
    };

    private readonly Option<string?> quarantine = new("--quarantine")
    {
        Description = "Where rejected event lines go (default: the output path + .quarantine.jsonl; created only if needed).",
        HelpName = "file",
    };

    private readonly CatalogOption catalogs = new();
    private readonly SigningOptions signing = new();

    public ReportCommand(CommandContext context)
        : base("report", "Build the SOC 2 evidence report for a window from events or a store, signed.")
    {
        this.context = context;
        Options.Add(events);
        Options.Add(store);
        Options.Add(org);
        Options.Add(from);
        Options.Add(to);
        Options.Add(tz);
        Options.Add(access);
        Options.Add(format);
        Options.Add(output);
        Options.Add(gapDays);
        Options.Add(sampleSize);
        Options.Add(requireComplete);
        Options.Add(quarantine);
        catalogs.AddTo(this);
        signing.AddTo(this, verifying: false);
        Validators.Add(result =>
        {
            bool hasEvents = result.GetValue(events) is { Length: > 0 };
            bool hasStore = result.GetValue(store) is not null;
            if (hasEvents == hasStore)
            {
                result.AddError("give either --events FILE... or --store LOCATION (exactly one)");
            }
        });
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(context, parseResult, catalog => Report(parseResult, catalog));

    private int Report(ParseResult parseResult, IEvidenceCatalog catalog)
    {
        var keys = signing.LoadSigningKeys(context, parseResult);
        var request = new ReportRequest(
            catalog,
            new ReportOptions
            {
                Account = parseResult.GetValue(org)!,
                From = parseResult.GetValue(from)!.Value,
                To = parseResult.GetValue(to)!.Value,
                TimeZone = CommandOptions.FindTimeZone(parseResult.GetValue(tz)!),
                GapDays = parseResult.GetValue(gapDays),
                SampleSize = parseResult.GetValue(sampleSize),
                AccessSnapshot = parseResult.GetValue(access) is { } a ? AccessSnapshotSource.FromFile(CommandOptions.FullPath(context, a)) : null,
                Clock = context.Clock,
            },
            parseResult.GetValue(events) ?? [],
            parseResult.GetValue(store),
            keys);
        bool csv = parseResult.GetValue(format) == "csv";
        string outputPath = parseResult.GetValue(output) ?? (csv ? "evidence-report.csv" : "evidence-report.json");
        var runner = new ReportRunner(context);
        var outcome = csv
            ? runner.WriteCsv(request, outputPath, parseResult.GetValue(quarantine))
            : runner.WriteJson(request, outputPath, parseResult.GetValue(quarantine));
        if (parseResult.GetValue(requireComplete) && outcome.DegradedSections.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: degraded section(s): " + string.Join(", ", outcome.DegradedSections));
            return ExitCodes.CatalogErrors;
        }

        return ExitCodes.Success;
    }
}

/// <summary>Everything one report run needs, resolved from the command line.</summary>
internal sealed record ReportRequest(
    IEvidenceCatalog Catalog,
    ReportOptions Options,
    IReadOnlyList<string> EventFiles,
    string? Store,
    IReadOnlyList<SigningKey> Keys);
