using System;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>
/// One ingestion at a time writes into a store that is one file (SQLite takes one writer at a time anyway): the others
/// wait here, asynchronously, rather than in SQLite's busy handler, which holds a thread per waiter and gives up after
/// 30 seconds. The writers of a database server run side by side.
/// </summary>
internal sealed class StoreWriteGate(ServerOptions options) : IDisposable
{
    private readonly SemaphoreSlim? oneWriter = options.Store.FilePath is null ? null : new SemaphoreSlim(1, 1);

    /// <summary>Waits for this request's turn to write; disposing the result ends it.</summary>
    public async Task<IDisposable> EnterAsync()
    {
        if (oneWriter is null)
        {
            return new Turn(null);
        }

        await oneWriter.WaitAsync().ConfigureAwait(false);
        return new Turn(oneWriter);
    }

    public void Dispose() => oneWriter?.Dispose();

    private sealed class Turn(SemaphoreSlim? writer) : IDisposable
    {
        private SemaphoreSlim? writer = writer;

        public void Dispose() => Interlocked.Exchange(ref writer, null)?.Release();
    }
}
