using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence ingest --store LOCATION FILE... [--catalogs DIR] [--quarantine FILE]</c>: validates events exactly as a
/// report does and appends the accepted ones to an event store (a SQLite file or a PostgreSQL schema, created when missing). An event already stored is a duplicate, so ingesting the same
/// file again adds nothing. Exit 0 with a summary line per file, even when lines were rejected (they are expected and
/// quarantined); 1 when the catalogs have errors; 2 when an input or the store cannot be used.
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
        Description = "Where rejected lines go, with their line number and reason (default: PATH.quarantine.jsonl beside a SQLite store, "
            + DatabaseQuarantine + " for PostgreSQL; written only when a line is rejected, replacing the last run's).",
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

    private int Ingest(ParseResult parseResult, IEvidenceCatalog catalog)
    {
        string storeName = parseResult.GetValue(store)!;
        using var location = CommandOptions.StoreLocation(context, storeName);
        string quarantineName = parseResult.GetValue(quarantine) ?? DefaultQuarantine(location, storeName);
        var inputs = EventFile.Resolve(context, parseResult.GetValue(files)!);

        var vocabulary = new EventVocabulary(catalog);
        var reader = new EventStreamReader(vocabulary, context.Clock.GetUtcNow() + EventStreamReader.DefaultFutureTolerance);
        var total = new IngestionStats();
        using var eventStore = location.OpenOrCreate();
        using var rejected = new QuarantineFile(CommandOptions.FullPath(context, quarantineName));
        foreach (var input in inputs)
        {
            var stats = IngestFile(eventStore, reader, vocabulary, input, rejected);
            context.Output.WriteLine(SummaryLine(input.Name, stats, quarantineName));
            total.Add(stats);
        }

        if (inputs.Count > 1)
        {
            context.Output.WriteLine(SummaryLine(string.Create(CultureInfo.InvariantCulture, $"{inputs.Count} files"), total, quarantineName));
        }

        return ExitCodes.Success;
    }

    /// <summary>`ingested NAME: read R, accepted A, duplicates D, rejected J` and where the rejected lines went.</summary>
    internal static string SummaryLine(string name, IngestionStats stats, string quarantineName) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"ingested {name}: read {stats.Read}, accepted {stats.Accepted}, duplicates {stats.Duplicates}, rejected {stats.Rejected}")
        + (stats.Rejected > 0 ? $" (quarantined in {quarantineName})" : string.Empty);

    /// <summary>Beside a SQLite file (named as the user named it), else one file in the working directory.</summary>
    private static string DefaultQuarantine(EventStoreLocation location, string storeName)
    {
        if (location.FilePath is null)
        {
            return DatabaseQuarantine;
        }

        const string prefix = "sqlite:";
        return (storeName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? storeName[prefix.Length..] : storeName) + ".quarantine.jsonl";
    }

    private IngestionStats IngestFile(IEventStore eventStore, EventStreamReader reader, EventVocabulary vocabulary, EventFile file, QuarantineFile rejected)
    {
        var stats = new IngestionStats();
        string name = file.Name;
        try
        {
            ReadProgress.Run(context, "ingesting " + name, file.Size, advance =>
            {
                using var writer = eventStore.BeginIngestion(file.IsStandardInput ? "standard input" : file.Path, vocabulary, stats);
                using var input = file.Open(advance);
                reader.Read(input, name, writer, stats, rejected);
                writer.Complete();
            });
        }
        catch (InvalidDataException exception)
        {
            // Committed batches stay; the open one is rolled back, and a second run adds only what is missing.
            throw new CommandInputException(
                $"'{name}' is not valid gzip ({EvidenceCli.OneLine(exception.Message).TrimEnd('.')}); the events before the damage are stored, and ingesting again adds nothing twice",
                exception);
        }

        return stats;
    }
}
