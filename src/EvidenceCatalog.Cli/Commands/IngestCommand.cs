using System.CommandLine;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence ingest --store LOCATION [--source ID]... FILE... [--catalogs DIR] [--quarantine FILE] [--format text|json]</c>:
/// validates events exactly as a report does and appends the accepted ones to an event store (a SQLite file or a
/// PostgreSQL schema, created when missing). A file of a log source (<c>--source aws-cloudtrail</c>) is mapped to events
/// by the source's rules first; its records no rule maps are counted as unmapped, per native name. An event already
/// stored is a duplicate, so ingesting the same file again adds nothing. A summary line per file; exit 0 only when no
/// record was rejected and every input was read to its end, else 1 with the counts and where the rejected records went
/// (they are appended to the quarantine file, each run marked); 2 when an input, a source or the store cannot be used.
/// </summary>
internal sealed class IngestCommand : Command
{
    /// <summary>Where rejected lines go by default when the store is not a file.</summary>
    private const string DatabaseQuarantine = "evidence-ingest.quarantine.jsonl";

    private readonly CommandContext context;
    private readonly CatalogOption catalogs = new();

    private readonly Option<string> store = new("--store")
    {
        Description = "The event store to append to, created when missing: " + CommandOptions.StoreLocationHelp + ".",
        HelpName = "location",
        Required = true,
    };

    private readonly Argument<string[]> files = new("files")
    {
        Description = "Event files (JSON Lines), or a log source's files with --source (gzip recognised; - for standard input), read as streams.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly SourceOption sources = new("FILE");

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "text: a summary line per file. json: the counts of every file and their total, for scripts.",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    private readonly Option<string?> quarantine = new("--quarantine")
    {
        Description = "Where rejected lines go, with their line number and reason, appended after a line marking the run (default: PATH.quarantine.jsonl beside a SQLite store, "
            + DatabaseQuarantine + " for PostgreSQL; created only when a line is rejected).",
        HelpName = "file",
    };

    public IngestCommand(CommandContext context)
        : base("ingest", "Validate events (or a log source's records, mapped to events by its rules) and append them to an event store (SQLite or PostgreSQL); events already stored are counted as duplicates.")
    {
        this.context = context;
        Options.Add(store);
        Arguments.Add(files);
        sources.AddTo(this);
        Options.Add(quarantine);
        Options.Add(format);
        catalogs.AddTo(this);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(context, parseResult, catalog => Ingest(parseResult, catalog));

    private int Ingest(ParseResult parseResult, LoadedCatalog catalog)
    {
        string storeName = parseResult.GetValue(store)!;
        using var location = CommandOptions.StoreLocation(context, storeName);
        var inputs = sources.Resolve(context, parseResult, parseResult.GetValue(files)!, catalog);
        var given = inputs.Select(i => i.Input).ToArray();
        using var rejected = CommandOptions.Quarantine(context, parseResult.GetValue(quarantine) ?? DefaultQuarantine(location, storeName), given);
        var job = new IngestionJob(catalog.Catalog) { Clock = context.Clock, Quarantine = rejected };
        IngestionResult? result = null;
        using (var eventStore = location.OpenOrCreate())
        {
            ReadProgress.Run(context, "ingesting", EventInputs.TotalSize(given), advance =>
                result = job.RunAsync(new MappedJsonSource(inputs) { Progress = advance }, eventStore).GetAwaiter().GetResult());
        }

        if (parseResult.GetValue(format) == "json")
        {
            IngestionSummaryJson.Write(context.Output, location.Display, result!, rejected.Location);
        }
        else
        {
            IngestionSummaryText.Write(context.Output, result!, rejected.Location);
        }

        if (result!.Clean)
        {
            return ExitCodes.Success;
        }

        var total = result.Total;
        int damaged = result.Inputs.Count(i => i.Provenance.Damaged is not null);
        var problems = new System.Collections.Generic.List<string>();
        if (total.Rejected > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{total.Rejected} of {total.Read} record(s) rejected (quarantined in {rejected.Location})"));
        }

        if (damaged > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{damaged} input(s) damaged"));
        }

        context.Error.WriteLine($"evidence: not everything was ingested: {string.Join(", ", problems)}; the accepted events are stored, and ingesting again adds nothing twice");
        foreach (var input in result.Inputs.Where(i => i.Provenance.LogSource is not null && i.Counts.Rejected > 0 && i.Counts.Rejected == i.Counts.Read))
        {
            context.Error.WriteLine($"evidence: no record of {input.Provenance.Name} was read as {input.Provenance.LogSource}: if it is another source's file, name that source, or let --source auto recognise it");
        }

        return ExitCodes.Failed;
    }

    /// <summary>Beside a SQLite file (named as the user named it), else one file in the working directory.</summary>
    private static string DefaultQuarantine(EventStoreLocation location, string storeName)
    {
        if (location.FilePath is null)
        {
            return DatabaseQuarantine;
        }

        const string prefix = "sqlite:";
        return (storeName.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase) ? storeName[prefix.Length..] : storeName) + ".quarantine.jsonl";
    }
}
