using System;

namespace EvidenceCatalog.Stores.PostgreSql;

/// <summary>How a <see cref="PostgresEventStore"/> finds its tables and writes.</summary>
public sealed record PostgresEventStoreOptions
{
    /// <summary>The schema the tables live in unless another is given.</summary>
    public const string DefaultSchema = "evidence";

    /// <summary>Rows per ingestion transaction (one binary COPY and one insert each).</summary>
    public const int DefaultBatchSize = 50_000;

    /// <summary>The schema holding <c>events</c>, <c>ingestions</c> and <c>schema_version</c>; any name PostgreSQL accepts.</summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary>Events appended per transaction; a crash loses at most the open batch.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Source of the ingestion log's timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
