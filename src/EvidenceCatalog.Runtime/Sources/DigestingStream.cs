using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Passes reads through, hashing every byte with SHA-256 and counting them (an input's provenance), and reports each
/// read's size to a progress callback. By default the hash runs on another thread, fed a copy of each block: on a
/// multi-core machine it costs the reader a memory copy instead of the hash (measured: SHA-256 of a 237 MiB input is
/// about 0.15 s on this kind of machine, a tenth of a report over it; the copy is about 0.02 s). A reader that has a
/// thread of its own for reading (a log source's framing) hashes inline instead, without the copy.
/// </summary>
internal sealed class DigestingStream : ReadOnlyStream
{
    private readonly Action<long>? progress;
    private readonly IncrementalHash sha256 =
        IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private readonly Channel<(byte[] Block, int Length)> blocks =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(8)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private readonly Task? hashing;
    private byte[]? digest;

    /// <param name="inner">The input.</param>
    /// <param name="progress">Told the size of every read.</param>
    /// <param name="inline">Hash on the reading thread (no copy, no other thread), rather than on another thread.</param>
    public DigestingStream(Stream inner, Action<long>? progress, bool inline = false)
        : base(inner)
    {
        this.progress = progress;
        hashing = inline ? null : Task.Run(HashBlocksAsync);
    }

    /// <summary>Bytes read so far.</summary>
    public long Bytes { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int read = Inner.Read(buffer);
        if (read == 0)
        {
            return read;
        }

        if (hashing is null)
        {
            sha256.AppendData(buffer[..read]);
        }
        else
        {
            var block = ArrayPool<byte>.Shared.Rent(read);
            buffer[..read].CopyTo(block);
            while (!blocks.Writer.TryWrite((block, read)))
            {
                // The hash is behind: wait for room rather than buffer without bound.
                blocks.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        Bytes += read;
        progress?.Invoke(read);

        return read;
    }

    /// <summary>Reads what is left unread (after damage stopped the reading), so the digest covers the whole input.</summary>
    public void Drain()
    {
        var rest = new byte[1 << 16];
        while (Read(rest) > 0)
        {
        }
    }

    /// <summary>The SHA-256 of every byte read, lowercase hex; reading ends with it.</summary>
    public string Sha256() => Convert.ToHexStringLower(Finish());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Finish();
            sha256.Dispose();
        }

        base.Dispose(disposing);
    }

    private byte[] Finish()
    {
        if (digest is null)
        {
            blocks.Writer.TryComplete();
            hashing?.GetAwaiter().GetResult();
            digest = sha256.GetCurrentHash();
        }

        return digest;
    }

    private async Task HashBlocksAsync()
    {
        await foreach (var (block, length) in blocks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            sha256.AppendData(block, 0, length);
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}
