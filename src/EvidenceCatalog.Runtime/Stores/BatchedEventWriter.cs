using System;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// The batch cycle of every store's writer: the first event (or <see cref="Complete"/>) opens a batch, a full batch is
/// committed when the next event arrives (so that every verdict of the batch is counted when the ingestion log records
/// the counts), <see cref="Complete"/> commits the last one, and disposing without it rolls the open batch back. A
/// store supplies how a batch begins, takes an event, commits and rolls back.
/// </summary>
public abstract class BatchedEventWriter : IEventStoreWriter
{
    private readonly int batchSize;
    private int inBatch;
    private bool batchOpen;
    private bool completed;
    private bool disposed;

    protected BatchedEventWriter(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        this.batchSize = batchSize;
    }

    public long Written { get; protected set; }

    public EventVerdict Accept(in EventRecord record)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed)
        {
            throw new InvalidOperationException("the ingestion is complete; begin another to add events");
        }

        if (batchOpen && inBatch >= batchSize)
        {
            CommitBatch(finished: false);
            batchOpen = false;
        }

        OpenBatch();
        inBatch++;
        return Append(record);
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed)
        {
            return;
        }

        // Even an input without events commits its (empty) batch, so the ingestion log records it.
        OpenBatch();
        CommitBatch(finished: true);
        batchOpen = false;
        completed = true;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            if (batchOpen)
            {
                RollbackBatch();
            }
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Starts a transaction (and, the first time, the ingestion log's row).</summary>
    protected abstract void BeginBatch();

    /// <summary>Adds one event to the open batch: accepted when new, a duplicate when already stored, or pending until the batch commits.</summary>
    protected abstract EventVerdict Append(in EventRecord record);

    /// <summary>Writes the batch and the ingestion log's counts, and commits; <paramref name="finished"/> closes the log entry.</summary>
    protected abstract void CommitBatch(bool finished);

    /// <summary>Drops the open batch. Database errors are swallowed: the failure that stopped the ingestion is the one to report.</summary>
    protected abstract void RollbackBatch();

    /// <summary>Frees what the writer holds and tells the store the ingestion has ended.</summary>
    protected abstract void Release();

    private void OpenBatch()
    {
        if (!batchOpen)
        {
            BeginBatch();
            batchOpen = true;
            inBatch = 0;
        }
    }
}
