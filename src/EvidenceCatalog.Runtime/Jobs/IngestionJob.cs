using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Runtime.Jobs;

/// <summary>
/// The ingestion use case: events from a source are validated exactly as a report validates them and appended to an
/// event store, each input in its own ingestion (committed in batches, logged in the store); an event already stored
/// is a duplicate, so ingesting the same input again adds nothing.
/// </summary>
public sealed class IngestionJob
{
    private readonly EventVocabulary vocabulary;

    public IngestionJob(IEvidenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        vocabulary = new EventVocabulary(catalog);
    }

    /// <summary>"Now", for the future-event check. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where rejected records go (null: counted only).</summary>
    public IEventQuarantine? Quarantine { get; init; }

    /// <summary>When set, only this account's events are taken; another account's are rejected, each with the reason.</summary>
    public string? Account { get; init; }

    /// <summary>Reads every input of <paramref name="source"/> into <paramref name="store"/>.</summary>
    /// <exception cref="EventStoreException">The store failed; the batches committed before stay, the open one is rolled back.</exception>
    public async Task<IngestionResult> RunAsync(IEvidenceSource source, IEventStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        var reader = new EventStreamReader(vocabulary, Clock.GetUtcNow() + EventStreamReader.DefaultFutureTolerance, Quarantine);
        using var receiver = new StoreReceiver(store, vocabulary, Account);
        var inputs = await source.ReadAsync(reader, receiver, null, cancellationToken).ConfigureAwait(false);
        return new IngestionResult(inputs, Quarantine is { Count: > 0, Location: { } location } ? location : null);
    }

    /// <summary>Each input into its own ingestion of the store, completed when the input ends.</summary>
    private sealed class StoreReceiver(IEventStore store, EventVocabulary vocabulary, string? account) : IEvidenceReceiver, IDisposable
    {
        private IEventStoreWriter? writer;

        public IEventSink BeginInput(string name, IngestionCounter counter)
        {
            writer = store.BeginIngestion(name, vocabulary, counter);
            return account is null ? writer : new SingleAccountSink(account, writer);
        }

        public void EndInput(InputProvenance input)
        {
            // Also for a damaged input: the records read before the damage are kept.
            writer!.Complete();
            writer.Dispose();
            writer = null;
        }

        /// <summary>An input that failed midway: its open batch is rolled back, the committed ones stay.</summary>
        public void Dispose() => writer?.Dispose();
    }
}

/// <summary>
/// Passes on the records of one account and rejects the others: a tenant may only add evidence to its own account.
/// </summary>
public sealed class SingleAccountSink(string account, IEventSink inner) : IEventSink
{
    private readonly byte[] accountUtf8 = Encoding.UTF8.GetBytes(account ?? throw new ArgumentNullException(nameof(account)));
    private readonly IEventSink inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public EventVerdict Accept(in EventRecord record) =>
        record.Account.SequenceEqual(accountUtf8)
            ? inner.Accept(in record)
            : EventVerdict.Rejected($"account '{Encoding.UTF8.GetString(record.Account)}' is not this token's account '{account}'; send each account's events with its own token");
}

/// <summary>An ingestion: each input with its provenance and counts, and where rejected records went.</summary>
public sealed record IngestionResult(IReadOnlyList<InputRead> Inputs, string? Quarantine)
{
    /// <summary>The counts of every input added up.</summary>
    public IngestionCounts Total => Inputs.Aggregate(IngestionCounts.None, (sum, input) => sum + input.Counts);

    /// <summary>True when every record was accepted or a duplicate, and every input read to its end.</summary>
    public bool Clean => Total.Rejected == 0 && Inputs.All(i => i.Provenance.Damaged is null);
}
