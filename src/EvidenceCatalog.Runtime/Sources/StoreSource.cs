using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// An event store: a report's tally is aggregated inside the database (no event row crosses the wire), and a stream of
/// events (a CSV population) is read in (time, id) order and checked against the catalog like any other input.
/// </summary>
public sealed class StoreSource : IEvidenceSource
{
    private readonly Func<(IEventStore Store, bool Owned)> open;
    private readonly string name;

    /// <param name="location">Where the store is; the source opens one store per read and leaves the location open.</param>
    public StoreSource(EventStoreLocation location)
        : this(location, location?.Display!)
    {
    }

    /// <param name="location">Where the store is; the source opens one store per read and leaves the location open.</param>
    /// <param name="name">How the report names it (a server's name for it, say, that shows its callers no folder).</param>
    public StoreSource(EventStoreLocation location, string name)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrEmpty(name);
        open = () => (location.Open(), true);
        this.name = name;
    }

    /// <param name="store">A store already open; the source reads it and leaves it open.</param>
    /// <param name="name">How the report names it (no secret in it).</param>
    public StoreSource(IEventStore store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(name);
        open = () => (store, false);
        this.name = name;
    }

    public string Kind => "store";

    public async Task<IReadOnlyList<InputRead>> ReadAsync(EventStreamReader reader, IEvidenceReceiver receiver, EvidenceScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(receiver);
        if (scope is null)
        {
            throw new ArgumentException("a store is read for one account and range: give the scope", nameof(scope));
        }

        var counter = new IngestionCounter();
        var sink = receiver.BeginInput(name, counter);
        var (store, owned) = open();
        try
        {
            long ordinal = 0;
            await foreach (var stored in store.ReadEventsAsync(scope.Account, scope.FromUtc, scope.ToUtcExclusive, cancellationToken).ConfigureAwait(false))
            {
                reader.Read(stored, ++ordinal, name, sink, counter);
            }
        }
        finally
        {
            if (owned)
            {
                store.Dispose();
            }
        }

        var provenance = new InputProvenance(name);
        receiver.EndInput(provenance);
        return [new InputRead(provenance, counter.Snapshot())];
    }

    public async Task<IReadOnlyList<InputRead>> FillTallyAsync(EventStreamReader reader, EvidenceTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var counter = new IngestionCounter();
        var (store, owned) = open();
        try
        {
            await store.FillTallyAsync(tally, counter, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (owned)
            {
                store.Dispose();
            }
        }

        return [new InputRead(new InputProvenance(name), counter.Snapshot())];
    }
}
