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
/// evidence report (JSON) or the signed evidence population (CSV with a detached signature). Files of log sources
/// (<c>--source aws-cloudtrail</c>) are mapped to events by the sources' rules, and may be mixed with event files.
/// </summary>
internal sealed class ReportCommand : Command
{
    private readonly CommandContext context;

    private readonly Option<string[]> events = new("--events")
    {
        Description = "Event files (JSON Lines), or a log source's files with --source (gzip recognised; - for standard input), read as streams.",
        HelpName = "file",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly SourceOption sources = new("--events FILE");

    private readonly Option<string?> store = new("--store")
    {
        Description = "An event store filled by 'evidence ingest', " + CommandOptions.StoreLocationHelp + "; aggregation runs inside the database.",
        HelpName = "location",
    };

    private readonly Option<string> org = new("--org")
    {
        Description = "The account (organisation) whose events are the evidence; a report for an account the inputs do not hold is refused.",
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
        Description = "Access snapshot (JSON) for the access review; without it that section is degraded (a path that does not exist is an error).",
        HelpName = "file",
    };

    private readonly Option<string?> accountConfig = new("--account-config")
    {
        Description = "The account's configuration (JSON: organization, activeFrameworks, piiDetection, dataCategories, retention); the policies catalog is the default where it is silent.",
        HelpName = "file",
    };

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "json: the report. csv: one row per control × evidence event, with a detached signature FILE.sig. html: the auditor's workpaper alone (the signed report inside, with a Verify button).",
        DefaultValueFactory = _ => "json",
    }.AcceptOnlyFromAmong("json", "csv", "html");

    private readonly Option<string?> output = CommandOptions.Output("Where to write (default evidence-report.json, evidence-report.csv or " + WorkpaperRenderer.DefaultFileName + "; - for standard output, JSON and HTML only).");

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
        Description = "Exit 1 when any section is degraded or any input is damaged (the report is still written).",
    };

    private readonly Option<string?> quarantine = new("--quarantine")
    {
        Description = "Where rejected event lines go, appended (default: the output path + .quarantine.jsonl; created only if needed).",
        HelpName = "file",
    };

    private readonly CatalogOption catalogs = new();
    private readonly SigningOptions signing = new();

    public ReportCommand(CommandContext context)
        : base("report", "Build the SOC 2 evidence report for a window from events or a store, signed.")
    {
        this.context = context;
        Options.Add(events);
        sources.AddTo(this);
        Options.Add(store);
        Options.Add(org);
        Options.Add(from);
        Options.Add(to);
        Options.Add(tz);
        Options.Add(access);
        Options.Add(accountConfig);
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

            if (hasStore && sources.Names(result).Count > 0)
            {
                result.AddError("--source says what the --events files hold; a --store holds events already mapped (give --source with --events)");
            }
        });
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(context, parseResult, catalog => Report(parseResult, catalog));

    private int Report(ParseResult parseResult, LoadedCatalog catalog)
    {
        var keys = signing.LoadSigningKeys(context, parseResult);
        string chosen = parseResult.GetValue(format)!;
        bool csv = chosen == "csv";
        string outputPath = parseResult.GetValue(output) ?? chosen switch { "csv" => "evidence-report.csv", "html" => WorkpaperRenderer.DefaultFileName, _ => "evidence-report.json" };
        var inputs = parseResult.GetValue(events) is { Length: > 0 } names ? sources.Resolve(context, parseResult, names, catalog) : [];
        using var location = parseResult.GetValue(store) is { } spec ? CommandOptions.StoreLocation(context, spec) : null;
        using var quarantineFile = location is null
            ? CommandOptions.Quarantine(context, parseResult.GetValue(quarantine) ?? (outputPath == "-" ? "evidence-report" : outputPath) + ".quarantine.jsonl", inputs.Select(i => i.Input).ToArray())
            : null;
        var job = new ReportJob(catalog.Catalog, new ReportOptions
        {
            Account = parseResult.GetValue(org)!,
            From = parseResult.GetValue(from)!.Value,
            To = parseResult.GetValue(to)!.Value,
            TimeZone = ReportTimeZone.Find(parseResult.GetValue(tz)!),
            GapDays = parseResult.GetValue(gapDays),
            SampleSize = parseResult.GetValue(sampleSize),
            AccessSnapshot = parseResult.GetValue(access) is { } a ? CommandOptions.AccessSnapshot(context, a) : null,
            AccountConfiguration = parseResult.GetValue(accountConfig) is { } c ? CommandOptions.AccountConfiguration(context, c, parseResult.GetValue(org)!, catalog.Catalog.Model) : null,
            Clock = context.Clock,
        })
        {
            SigningKeys = keys,
            Quarantine = quarantineFile,
            CatalogSource = catalog.Source,
            RequireAccountEvents = true,
        };
        var source = location is null ? SourceFactory.Of(inputs) : SourceFactory.Of(new StoreSource(location));
        var files = new ReportFiles(context);
        IReadOnlyList<string> incomplete;
        try
        {
            if (csv)
            {
                var (result, _) = files.WriteCsv(job, source, outputPath, keys);
                incomplete = Damaged(result.Ingestion).ToList();
            }
            else
            {
                var (result, _) = chosen == "html" ? files.WriteHtml(job, source, outputPath, keys) : files.WriteJson(job, source, outputPath, keys);
                incomplete = [.. result.DegradedSections.Select(s => "section " + s.Name + " is degraded"), .. Damaged(result.Report.Meta.Ingestion!)];
            }
        }
        catch (NoEventsForAccountException exception)
        {
            context.Error.WriteLine($"evidence: {exception.Message}; check --org, or give the inputs of that account");
            return ExitCodes.Failed;
        }

        if (parseResult.GetValue(requireComplete) && incomplete.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: " + string.Join("; ", incomplete));
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }

    private static IEnumerable<string> Damaged(IngestionSummary ingestion) =>
        ingestion.Inputs.Where(i => i.Damaged is not null).Select(i => $"input {i.Name} is damaged ({i.Damaged})");
}
