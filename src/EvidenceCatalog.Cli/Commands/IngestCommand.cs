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
/// <c>evidence ingest --store LOCATION FILE... [--catalogs DIR] [--quarantine FILE]</c>: validates events exactly as a
/// report does and appends the accepted ones to an event store (a SQLite file or a PostgreSQL schema, created when
/// missing). An event already stored is a duplicate, so ingesting the same file again adds nothing. A summary line per
/// file; exit 0 only when no record was rejected and every input was read to its end, else 1 with the counts and where
/// the rejected records went (they are appended to the quarantine file, each run marked); 2 when an input or the
/// store cannot be used.
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
        Description = "JSON Lines event files (gzip recognised; - for standard input), read as a stream.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> quarantine = new("--quarantine")
    {
        Description = "Where rejected lines go, with their line number and reason, appended after a line marking the run (default: PATH.quarantine.jsonl beside a SQLite store, "
            + DatabaseQuarantine + " for PostgreSQL; created only when a line is rejected).",
        HelpName = "file",
    };

    public IngestCommand(CommandContext context)
        : base("ingest", "Validate events and append them to an event store (SQLite or PostgreSQL); events already stored are counted as duplicates.")
    {
        this.context = context;
        Options.Add(store);
        Arguments.Add(files);
        Options.Add(quarantine);
        catalogs.AddTo(this);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(context, parseResult, catalog => Ingest(parseResult, catalog));

    private int Ingest(ParseResult parseResult, LoadedCatalog catalog)
    {
        string storeName = parseResult.GetValue(store)!;
        using var location = CommandOptions.StoreLocation(context, storeName);
        var inputs = EventInputs.Resolve(context, parseResult.GetValue(files)!);
        using var rejected = CommandOptions.Quarantine(context, parseResult.GetValue(quarantine) ?? DefaultQuarantine(location, storeName), inputs);
        var job = new IngestionJob(catalog.Catalog) { Clock = context.Clock, Quarantine = rejected };
        IngestionResult? result = null;
        using (var eventStore = location.OpenOrCreate())
        {
            ReadProgress.Run(context, "ingesting", EventInputs.TotalSize(inputs), advance =>
                result = job.RunAsync(new JsonLinesSource(inputs) { Progress = advance }, eventStore).GetAwaiter().GetResult());
        }

        foreach (var input in result!.Inputs)
        {
            context.Output.WriteLine(SummaryLine(input.Provenance.Name, input.Counts, rejected.Location)
                + (input.Provenance.Damaged is { } damage ? "; damaged: " + damage : string.Empty));
        }

        if (result.Inputs.Count > 1)
        {
            context.Output.WriteLine(SummaryLine(string.Create(CultureInfo.InvariantCulture, $"{result.Inputs.Count} files"), result.Total, rejected.Location));
        }

        if (result.Clean)
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
        return ExitCodes.Failed;
    }

    /// <summary>`ingested NAME: read R, accepted A, duplicates D, rejected J` and where the rejected lines went.</summary>
    internal static string SummaryLine(string name, IngestionCounts counts, string? quarantineName) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"ingested {name}: read {counts.Read}, accepted {counts.Accepted}, duplicates {counts.Duplicates}, rejected {counts.Rejected}")
        + (counts.Rejected > 0 && quarantineName is not null ? $" (quarantined in {quarantineName})" : string.Empty);

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
