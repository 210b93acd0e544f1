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

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The options of the commands that build a report for a window from events or a store (<c>report</c>, <c>package</c>):
/// the source, the account and window, the side inputs, the catalogs and the keys, turned into one <see cref="ReportJob"/>.
/// </summary>
internal sealed class ReportSourceOptions
{
    private readonly bool sourceOptional;

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

    private readonly Option<string?> quarantine = new("--quarantine")
    {
        Description = "Where rejected event lines go, appended (default: the output path + .quarantine.jsonl; created only if needed).",
        HelpName = "file",
    };

    private readonly Option<bool> requireComplete = new("--require-complete")
    {
        Description = "Exit 1 when any section is degraded or any input is damaged (the output is still written).",
    };

    /// <param name="sourceOptional">
    /// True when the command also runs without events (<c>evidence oscal</c>): the source, account and window are then
    /// given together or not at all.
    /// </param>
    public ReportSourceOptions(bool sourceOptional = false)
    {
        this.sourceOptional = sourceOptional;
        org.Required = from.Required = to.Required = !sourceOptional;
    }

    /// <summary>Where the catalogs come from.</summary>
    public CatalogOption Catalogs { get; } = new();

    /// <summary>The keys to sign with.</summary>
    public SigningOptions Signing { get; } = new();

    /// <param name="command">The command.</param>
    /// <param name="signed">Whether the command signs what it writes (the signing options are offered only then).</param>
    public void AddTo(Command command, bool signed = true)
    {
        command.Options.Add(events);
        sources.AddTo(command);
        command.Options.Add(store);
        command.Options.Add(org);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(tz);
        command.Options.Add(access);
        command.Options.Add(accountConfig);
        command.Options.Add(gapDays);
        command.Options.Add(sampleSize);
        command.Options.Add(requireComplete);
        command.Options.Add(quarantine);
        Catalogs.AddTo(command);
        if (signed)
        {
            Signing.AddTo(command, verifying: false);
        }

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

            if (hasStore && sources.Names(result).Count > 0)
            {
                result.AddError("--source says what the --events files hold; a --store holds events already mapped (give --source with --events)");
            }
        });
    }

    /// <summary>True when events or a store were given.</summary>
    public bool HasSource(ParseResult parseResult) => parseResult.GetValue(events) is { Length: > 0 } || parseResult.GetValue(store) is not null;

    /// <summary>True when events or a store were given (in a validator).</summary>
    public bool HasSource(System.CommandLine.Parsing.CommandResult result) => result.GetValue(events) is { Length: > 0 } || result.GetValue(store) is not null;

    /// <summary>The event files named on the command line (none with <c>--store</c>).</summary>
    public IReadOnlyList<string> EventFiles(ParseResult parseResult) => parseResult.GetValue(events) ?? [];

    /// <summary>Whether <c>--require-complete</c> was given.</summary>
    public bool RequireComplete(ParseResult parseResult) => parseResult.GetValue(requireComplete);

    /// <summary>
    /// The job and its source for this command line, signing with <paramref name="keys"/>; rejected records go to
    /// <c>--quarantine</c>, by default <paramref name="quarantineBase"/> + <c>.quarantine.jsonl</c>. Dispose it after the run.
    /// </summary>
    public ReportRun Open(CommandContext context, ParseResult parseResult, LoadedCatalog catalog, IReadOnlyList<SigningKey> keys, string quarantineBase)
    {
        var inputs = parseResult.GetValue(events) is { Length: > 0 } names ? sources.Resolve(context, parseResult, names, catalog) : [];
        var location = parseResult.GetValue(store) is { } spec ? CommandOptions.StoreLocation(context, spec) : null;
        try
        {
            var quarantineFile = location is null
                ? CommandOptions.Quarantine(context, parseResult.GetValue(quarantine) ?? quarantineBase + ".quarantine.jsonl", inputs.Select(i => i.Input).ToArray())
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
            location?.Dispose();
            throw;
        }
    }

    /// <summary>What makes a run incomplete for <c>--require-complete</c>: degraded sections and damaged inputs.</summary>
    public static IEnumerable<string> Incomplete(ReportResult result) =>
        [.. result.DegradedSections.Select(s => "section " + s.Name + " is degraded"), .. Damaged(result.Report.Meta.Ingestion!)];

    /// <summary>The damaged inputs of a run.</summary>
    public static IEnumerable<string> Damaged(IngestionSummary ingestion) =>
        ingestion.Inputs.Where(i => i.Damaged is not null).Select(i => $"input {i.Name} is damaged ({i.Damaged})");
}

/// <summary>A report job with its source, and what it holds open (a store, a quarantine file).</summary>
internal sealed class ReportRun(ReportJob job, SourceFactory source, IDisposable? location, IDisposable? quarantine) : IDisposable
{
    public ReportJob Job { get; } = job;

    public SourceFactory Source { get; } = source;

    public void Dispose()
    {
        quarantine?.Dispose();
        location?.Dispose();
    }
}
