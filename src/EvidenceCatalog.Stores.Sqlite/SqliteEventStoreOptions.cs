using System;

namespace EvidenceCatalog.Stores.Sqlite;

/// <summary>How a <see cref="SqliteEventStore"/> is opened and writes.</summary>
public sealed record SqliteEventStoreOptions
{
    /// <summary>
    /// Rows per ingestion transaction. Ids in key order load at the same speed from 50k up; random ids (UUIDv4) gain
    /// from larger batches (1 M events: 120k/s at 50k, 145k/s at 100k, 160k/s at 250k), at the cost of a larger WAL.
    /// </summary>
    public const int DefaultBatchSize = 50_000;

    /// <summary>Events appended per transaction; a crash loses at most the open batch.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Page cache of the connection, in MiB (a bulk load touches many index pages at once).</summary>
    public int CacheMebibytes { get; init; } = 256;

    /// <summary>Source of the ingestion log's timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
