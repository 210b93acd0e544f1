using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// Where accepted events are kept between ingestion and reports: an embedded SQLite file now, PostgreSQL (and Citus)
/// at scale. Events are keyed by (account, id), so ingesting the same events twice adds nothing. A report never reads
/// event rows one by one: <see cref="FillTally"/> pushes the aggregation into the database and receives only grouped
/// rows and the samples, so the result equals streaming the same events through an <see cref="EventStreamReader"/>.
/// </summary>
/// <remarks>
/// Ingestion is synchronous because the reader hands out <see cref="EventRecord"/> spans that cannot cross an
/// <c>await</c>; a writer buffers or streams rows into batched transactions (a networked store flushes a batch with
/// COPY). Queries come in both forms: the synchronous ones for the CLI and SQLite (whose I/O is in process), the
/// asynchronous ones for servers and networked stores, where they free the thread while the database works.
/// </remarks>
public interface IEventStore : IDisposable
{
    /// <summary>
    /// Starts appending events from one input. The writer is the sink of an <see cref="EventStreamReader"/> and answers
    /// each event: accepted when new to the store, a duplicate when already stored — or pending, for a store that learns
    /// it only when the batch commits, which then resolves them in <paramref name="counter"/>.
    /// </summary>
    /// <param name="source">The input's display name, recorded in the ingestion log.</param>
    /// <param name="vocabulary">The catalog the reader validates against: it names each record's type and outcome.</param>
    /// <param name="counter">The reader's counter for this input: the ingestion log records it at each commit.</param>
    IEventStoreWriter BeginIngestion(string source, EventVocabulary vocabulary, IngestionCounter counter);

    /// <summary>
    /// Adds to <paramref name="tally"/> the counts per cell and day, the actors of the audit-log days and the samples of
    /// <see cref="EvidenceTally.Account"/>, all aggregated inside the database, and counts the store's rows in
    /// <paramref name="counter"/> and the tally's classification.
    /// </summary>
    void FillTally(EvidenceTally tally, IngestionCounter counter, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="FillTally"/>
    Task FillTallyAsync(EvidenceTally tally, IngestionCounter counter, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events of <paramref name="account"/> from <paramref name="fromUtc"/> (inclusive) to
    /// <paramref name="toUtcExclusive"/>, ordered by (time, id in UTF-8 byte order) and streamed; the caller maps
    /// type and outcome to cells (a type the catalog no longer declares is the caller's to skip).
    /// </summary>
    IEnumerable<AuditEvent> ReadEvents(string account, DateTimeOffset fromUtc, DateTimeOffset toUtcExclusive);

    /// <inheritdoc cref="ReadEvents"/>
    IAsyncEnumerable<AuditEvent> ReadEventsAsync(string account, DateTimeOffset fromUtc, DateTimeOffset toUtcExclusive, CancellationToken cancellationToken = default);
}

/// <summary>
/// Appends accepted events to a store in batched transactions. If the process stops mid-way, every committed batch
/// stays (and the ingestion log counts up to it); only the open batch is lost, and ingesting the input again fills it
/// in without adding anything twice.
/// </summary>
public interface IEventStoreWriter : IEventSink, IDisposable
{
    /// <summary>Events written so far that were new to the store (committed or in the open batch).</summary>
    long Written { get; }

    /// <summary>Commits the open batch and closes the ingestion log entry. Disposing without it rolls the open batch back.</summary>
    void Complete();
}
