using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// What a report is built from and over: the events or store, the account, the window and the sections' inputs — the
/// options of <c>evidence report</c>, shared by every command that builds one, and the report job they make.
/// </summary>
internal sealed class ReportInputOptions
{
    private readonly bool sourceOptional;

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
        Description = "The account (organisation) whose events are the evidence; a report for an account the inputs do not hold is refused.",
        HelpName = "id",
    };

    private readonly Option<CalendarDate?> from = new("--from")
    {
        Description = "First day of the window, YYYY-MM-DD, inclusive.",
        HelpName = "date",
        CustomParser = CommandOptions.ParseDate,
    };

    private readonly Option<CalendarDate?> to = new("--to")
    {
        Description = "Last day of the window, YYYY-MM-DD, inclusive.",
        HelpName = "date",
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
        Description = "Exit 1 when any section is degraded or any input is damaged (the output is still written).",
    };

    private readonly Option<string?> quarantine = new("--quarantine")
    {
        Description = "Where rejected event lines go, appended (default: the output path + .quarantine.jsonl; created only if needed).",
        HelpName = "file",
    };

    /// <param name="sourceOptional">
    /// True when the command also runs without events (<c>evidence oscal</c>): the source, account and window are then
    /// given together or not at all.
    /// </param>
    public ReportInputOptions(bool sourceOptional = false)
    {
        this.sourceOptional = sourceOptional;
        org.Required = from.Required = to.Required = !sourceOptional;
    }

    /// <summary>The options before <paramref name="between"/> (the command's own), then the rest.</summary>
    public void AddTo(Command command, params Option[] between)
    {
        command.Options.Add(events);
        command.Options.Add(store);
        command.Options.Add(org);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(tz);
        command.Options.Add(access);
        command.Options.Add(accountConfig);
        foreach (var option in between)
        {
            command.Options.Add(option);
        }

        command.Options.Add(gapDays);
        command.Options.Add(sampleSize);
        command.Options.Add(requireComplete);
        command.Options.Add(quarantine);
        command.Validators.Add(result =>
        {
            bool hasEvents = result.GetValue(events) is { Length: > 0 };
            bool hasStore = result.GetValue(store) is not null;
            if (hasEvents && hasStore || !hasEvents && !hasStore && !sourceOptional)
            {
                result.AddError("give either --events FILE... or --store LOCATION (exactly one)");
            }
            else if (sourceOptional && (hasEvents || hasStore) && (result.GetResult(org) is null || result.GetResult(from) is null || result.GetResult(to) is null))
            {
                result.AddError("with --events or --store, give the account and window too: --org ID --from DATE --to DATE");
            }
            else if (sourceOptional && !hasEvents && !hasStore
                && new Option[] { org, from, to, access, accountConfig, quarantine }.FirstOrDefault(o => result.GetResult(o) is not null) is { } stray)
            {
                result.AddError($"{stray.Name} is for a report's window: give --events FILE... or --store LOCATION with --org, --from and --to");
            }
        });
    }

    /// <summary>True when events or a store were given.</summary>
    public bool HasSource(ParseResult parseResult) => parseResult.GetValue(events) is { Length: > 0 } || parseResult.GetValue(store) is not null;

    /// <summary>True when events or a store were given (in a validator).</summary>
    public bool HasSource(System.CommandLine.Parsing.CommandResult result) => result.GetValue(events) is { Length: > 0 } || result.GetValue(store) is not null;

    public bool RequireComplete(ParseResult parseResult) => parseResult.GetValue(requireComplete);

    /// <summary>
    /// The report job over the given source, and the source; rejected lines go to <c>--quarantine</c>, else
    /// <paramref name="quarantineBase"/><c>.quarantine.jsonl</c>.
    /// </summary>
    public ReportRun Open(CommandContext context, ParseResult parseResult, LoadedCatalog catalog, IReadOnlyList<SigningKey> keys, string quarantineBase)
    {
        var inputs = EventInputs.Resolve(context, parseResult.GetValue(events) ?? []);
        var location = parseResult.GetValue(store) is { } spec ? CommandOptions.StoreLocation(context, spec) : null;
        QuarantineFile? quarantineFile = null;
        try
        {
            quarantineFile = location is null
                ? CommandOptions.Quarantine(context, parseResult.GetValue(quarantine) ?? quarantineBase + ".quarantine.jsonl", inputs)
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
            return new ReportRun(job, source, location, quarantineFile);
        }
        catch
        {
            quarantineFile?.Dispose();
            location?.Dispose();
            throw;
        }
    }

    /// <summary>What <c>--require-complete</c> refuses in a report: its degraded sections and damaged inputs.</summary>
    public static IEnumerable<string> Incomplete(ReportResult result) =>
        [.. result.DegradedSections.Select(s => "section " + s.Name + " is degraded"), .. Damaged(result.Report.Meta.Ingestion!)];

    /// <summary>The inputs that could not be read to their end.</summary>
    public static IEnumerable<string> Damaged(IngestionSummary ingestion) =>
        ingestion.Inputs.Where(i => i.Damaged is not null).Select(i => $"input {i.Name} is damaged ({i.Damaged})");
}

/// <summary>A report job ready to run, its source, and what they hold open (a store, a quarantine file).</summary>
internal sealed class ReportRun(ReportJob job, SourceFactory source, EventStoreLocation? location, IDisposable? quarantine) : IDisposable
{
    public ReportJob Job { get; } = job;

    public SourceFactory Source { get; } = source;

    public void Dispose()
    {
        quarantine?.Dispose();
        location?.Dispose();
    }
}
