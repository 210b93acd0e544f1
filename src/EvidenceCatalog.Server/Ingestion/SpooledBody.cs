using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events;
using Microsoft.AspNetCore.Http;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>
/// A request body set aside in a temporary file as it arrives, read from the request with asynchronous I/O (no thread
/// waits on a slow client), within the size and time limits, before any store transaction opens: however slowly a
/// client sends, the store is written only from the file, at disk speed. The file is created readable and writable
/// by the server's user only; on Linux and macOS its name is removed at once (the open handle keeps it, so nothing can
/// open it by name and a crash leaves nothing behind), on Windows it is deleted when closed.
/// </summary>
internal sealed class SpooledBody : IAsyncDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly FileStream file;

    private SpooledBody(FileStream file, bool gzip, EventContainer container, string? cutOff)
    {
        this.file = file;
        Gzip = gzip;
        Container = container;
        CutOff = cutOff;
    }

    /// <summary>Bytes received.</summary>
    public long Length => file.Length;

    /// <summary>True when the body starts with the gzip magic bytes (it is read decompressed).</summary>
    public bool Gzip { get; }

    /// <summary>
    /// JSON array when the first byte that is not white space (after a byte order mark) is <c>[</c>, in the body as it
    /// arrived or, for gzip, in its decompressed start; JSON Lines otherwise.
    /// </summary>
    public EventContainer Container { get; }

    /// <summary>Why the body stopped before its end (the client went away); null when it arrived whole.</summary>
    public string? CutOff { get; }

    /// <summary>Receives the body into a new file in <paramref name="directory"/>.</summary>
    /// <exception cref="BodyTooLargeException">The body passed <paramref name="limit"/> bytes; nothing of it is kept.</exception>
    /// <exception cref="BodyTooSlowException">The body did not arrive within <paramref name="maxTime"/>, or below Kestrel's minimum data rate.</exception>
    /// <exception cref="IOException">The file could not be created or written (a full disk, say).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static async Task<SpooledBody> ReceiveAsync(Stream body, string directory, long limit, TimeSpan maxTime)
    {
        var file = Create(directory);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            string? cutOff = null;
            // Not the request's own token: once a client has gone away, a read given that token fails at once, even
            // for the bytes that had arrived; without it, the body reads to where the connection ended, then fails.
            using (var timer = new CancellationTokenSource(maxTime))
            {
                long total = 0;
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), timer.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (timer.IsCancellationRequested)
                    {
                        throw new BodyTooSlowException();
                    }
                    catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status408RequestTimeout)
                    {
                        throw new BodyTooSlowException(); // below Kestrel's minimum data rate
                    }
                    catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
                    {
                        throw new BodyTooLargeException(); // the server's own limit, where a host could not lift it
                    }
                    catch (Exception exception) when (exception is IOException or OperationCanceledException)
                    {
                        // The client went away: the complete records that arrived are still ingested.
                        cutOff = "the client went away before the body ended";
                        break;
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > limit)
                    {
                        throw new BodyTooLargeException();
                    }

                    await file.WriteAsync(chunk.AsMemory(0, read), CancellationToken.None).ConfigureAwait(false);
                }
            }

            await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            file.Position = 0;
            bool gzip = await StartsWithGzipAsync(file).ConfigureAwait(false);
            file.Position = 0;
            var container = await SniffAsync(gzip ? new GZipStream(new KeptOpen(file), CompressionMode.Decompress) : new KeptOpen(file), chunk).ConfigureAwait(false);
            file.Position = 0;
            return new SpooledBody(file, gzip, container, cutOff);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The body from its start; disposing it leaves the file to this body, so that it can be read again (its source recognised, then its records).</summary>
    public Stream Open()
    {
        file.Position = 0;
        return new KeptOpen(file);
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();

    private static FileStream Create(string directory)
    {
        string path = Path.Combine(directory, $"evidence-body-{Guid.NewGuid():N}.spool");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (OperatingSystem.IsWindows())
        {
            options.Options |= FileOptions.DeleteOnClose;
            return new FileStream(path, options);
        }

        options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(path, options);
        try
        {
            File.Delete(path);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return file;
    }

    private static async Task<bool> StartsWithGzipAsync(FileStream file)
    {
        var head = new byte[2];
        int read = 0;
        int n;
        while (read < 2 && (n = await file.ReadAsync(head.AsMemory(read), CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        return read == 2 && head[0] == 0x1f && head[1] == 0x8b;
    }

    private static async Task<EventContainer> SniffAsync(Stream body, byte[] chunk)
    {
        await using (body.ConfigureAwait(false))
        {
            bool first = true;
            int read;
            try
            {
                while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), CancellationToken.None).ConfigureAwait(false)) > 0)
                {
                    var bytes = chunk.AsSpan(0, read);
                    if (first && bytes.StartsWith("\uFEFF"u8))
                    {
                        bytes = bytes[3..];
                    }

                    first = false;
                    int at = bytes.IndexOfAnyExcept(" \t\r\n"u8);
                    if (at >= 0)
                    {
                        return bytes[at] == '[' ? EventContainer.JsonArray : EventContainer.JsonLines;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // A gzip body broken at its start: reading it says so, and marks it damaged.
            }

            return EventContainer.JsonLines;
        }
    }

    /// <summary>The spool file, read from where it is; disposing this leaves the file open (the body owns it).</summary>
    private sealed class KeptOpen(FileStream file) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => file.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => file.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => file.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The body is over the server's size limit.</summary>
internal sealed class BodyTooLargeException : Exception;

/// <summary>The body did not arrive within the server's time limit.</summary>
internal sealed class BodyTooSlowException : Exception;
