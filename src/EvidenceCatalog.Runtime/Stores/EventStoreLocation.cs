using System;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// Where an event store lives, parsed by its provider (<see cref="EventStoreProviders.Parse"/>): a SQLite file, a
/// PostgreSQL schema, or whatever a provider package adds. A location opens as many stores as asked, each used for one
/// operation at a time; the location itself is long-lived and thread-safe, and may own shared resources (a connection
/// pool), so dispose it when done with it (after its stores).
/// </summary>
public abstract class EventStoreLocation : IDisposable, IAsyncDisposable
{
    /// <summary>The provider's kind, as the location's prefix spells it (<c>sqlite</c>, <c>postgres</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>The location as given, with any secret left out: safe for messages, logs and reports.</summary>
    public abstract string Display { get; }

    /// <summary>The file the store is, for a store that is one file; null for a database server.</summary>
    public virtual string? FilePath => null;

    /// <summary>Opens an existing store, migrating an older schema.</summary>
    /// <exception cref="EventStoreException">The store is missing, not initialised, unreachable, not an event store, or newer than this build.</exception>
    public abstract IEventStore Open();

    /// <summary>Opens the store, creating it (its file, or its schema and tables) when missing.</summary>
    /// <exception cref="EventStoreException">The store is unreachable, not an event store, or newer than this build.</exception>
    public abstract IEventStore OpenOrCreate();

    /// <summary>Creates the store or migrates it to this build's schema.</summary>
    /// <returns>The schema version before and after.</returns>
    /// <exception cref="EventStoreException">The store is unreachable, not an event store, or newer than this build.</exception>
    public abstract SchemaMigration Initialize();

    /// <summary>Checks that the store can be used now: reachable, initialised, and not newer than this build. Writes nothing.</summary>
    /// <exception cref="EventStoreException">It cannot; the message says why.</exception>
    public abstract Task PingAsync(CancellationToken cancellationToken = default);

    public override string ToString() => Display;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(false);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}

/// <summary>What <see cref="EventStoreLocation.Initialize"/> did: the schema version the store had (0: none) and has now.</summary>
public readonly record struct SchemaMigration(int Before, int After)
{
    /// <summary>"created schema version 1", "migrated schema version 1 to 2", "schema version 1, already current".</summary>
    public override string ToString() =>
        Before == 0 ? $"created schema version {After}"
        : Before < After ? $"migrated schema version {Before} to {After}"
        : $"schema version {After}, already current";
}

/// <summary>How the stores of an <see cref="EventStoreLocation"/> are opened and written.</summary>
public sealed record EventStoreLocationOptions
{
    /// <summary>The batch size of a provider that is not told otherwise.</summary>
    public const int DefaultBatchSize = 50_000;

    /// <summary>Events appended per ingestion transaction, for any kind of store.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Source of the ingestion log's timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The directory a relative file path is resolved against (default: the process's current directory).</summary>
    public string? BaseDirectory { get; init; }
}
