using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Server.Tests.Infrastructure;

/// <summary>
/// A request body sent the way the slow-client attack sends it: <c>chunk</c> bytes every <c>interval</c>, each flushed
/// onto the socket (kept above Kestrel's minimum data rate, so the server cannot simply drop it), until
/// <see cref="Release"/>; then the rest at once. With <c>withLength</c> the request says its Content-Length, else it is chunked.
/// </summary>
internal sealed class TrickleBody(byte[] body, int chunk, TimeSpan interval, bool withLength = true) : HttpContent
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int sent;

    /// <summary>Completes once the first bytes are on the socket.</summary>
    public Task Started => started.Task;

    /// <summary>Bytes on the socket so far.</summary>
    public int Sent => Volatile.Read(ref sent);

    public int Length => body.Length;

    /// <summary>Stops trickling: the rest of the body goes at once.</summary>
    public void Release() => released.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        while (Sent < body.Length)
        {
            if (Sent > 0 && !released.Task.IsCompleted)
            {
                await Task.WhenAny(Task.Delay(interval, cancellationToken), released.Task).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            int n = released.Task.IsCompleted ? body.Length - Sent : Math.Min(chunk, body.Length - Sent);
            await stream.WriteAsync(body.AsMemory(Sent, n), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref sent, Sent + n);
            started.TrySetResult();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return withLength;
    }
}
