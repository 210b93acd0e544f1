using System;
using System.Buffers;
using System.IO;
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

    private SpooledBody(FileStream file, EventContainer container, string? cutOff)
    {
        this.file = file;
        Container = container;
        CutOff = cutOff;
    }

    /// <summary>Bytes received.</summary>
    public long Length => file.Length;

    /// <summary>JSON array when the first byte that is not white space (after a byte order mark) is <c>[</c>; JSON Lines otherwise.</summary>
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
            var container = await SniffAsync(file, chunk).ConfigureAwait(false);
            file.Position = 0;
            return new SpooledBody(file, container, cutOff);
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

    /// <summary>The body from its start; the reader may dispose it, which ends the file.</summary>
    public Stream Open()
    {
        file.Position = 0;
        return file;
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

    private static async Task<EventContainer> SniffAsync(FileStream file, byte[] chunk)
    {
        file.Position = 0;
        bool first = true;
        int read;
        while ((read = await file.ReadAsync(chunk.AsMemory(0, ChunkBytes), CancellationToken.None).ConfigureAwait(false)) > 0)
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

        return EventContainer.JsonLines;
    }
}

/// <summary>The body is over the server's size limit.</summary>
internal sealed class BodyTooLargeException : Exception;

/// <summary>The body did not arrive within the server's time limit.</summary>
internal sealed class BodyTooSlowException : Exception;
