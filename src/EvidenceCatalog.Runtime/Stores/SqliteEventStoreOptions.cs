using System;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>How a <see cref="SqliteEventStore"/> is opened and writes.</summary>
public sealed record SqliteEventStoreOptions
{
    /// <summary>Rows per ingestion transaction (measured: bench/store-sqlite.sh).</summary>
    public const int DefaultBatchSize = 50_000;

    /// <summary>Events appended per transaction; a crash loses at most the open batch.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Page cache of the connection, in MiB (a bulk load touches many index pages at once).</summary>
    public int CacheMebibytes { get; init; } = 256;

    /// <summary>Source of the ingestion log's timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
