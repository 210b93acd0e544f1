using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>A forward-only readable stream over another, which it owns: the base of the wrappers the event inputs use.</summary>
internal abstract class ReadOnlyStream(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Passes reads through, hashing every byte with SHA-256 and counting them (an input's provenance), and reports each
/// read's size to a progress callback.
/// </summary>
internal sealed class DigestingStream(Stream inner, Action<long>? progress) : ReadOnlyStream(inner)
{
    private readonly System.Security.Cryptography.IncrementalHash sha256 =
        System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

    /// <summary>Bytes read so far.</summary>
    public long Bytes { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int read = Inner.Read(buffer);
        sha256.AppendData(buffer[..read]);
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

    private byte[]? digest;

    /// <summary>The SHA-256 of every byte read, lowercase hex (also once the stream is disposed).</summary>
    public string Sha256() => Convert.ToHexStringLower(digest ?? sha256.GetCurrentHash());

    protected override void Dispose(bool disposing)
    {
        if (disposing && digest is null)
        {
            digest = sha256.GetCurrentHash();
            sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
