using System;
using System.IO;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>
/// A request body read through a limit: past <c>limit</c> bytes it throws <see cref="BodyTooLargeException"/>. A client
/// that goes away midway is an <see cref="IOException"/>, so the ingestion keeps the complete records that arrived.
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit) : BodyStream(inner)
{
    private long total;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = Inner.Read(buffer);
        }
        catch (OperationCanceledException exception)
        {
            throw new IOException("the client went away before the body ended", exception);
        }

        total += read;
        if (total > limit)
        {
            throw new BodyTooLargeException();
        }

        return read;
    }
}

/// <summary>The bytes already peeked from a body, then the rest of it.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : BodyStream(rest)
{
    private ReadOnlyMemory<byte> prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (prefix.IsEmpty)
        {
            return Inner.Read(buffer);
        }

        int n = Math.Min(buffer.Length, prefix.Length);
        prefix.Span[..n].CopyTo(buffer);
        prefix = prefix[n..];
        return n;
    }
}

/// <summary>A forward-only readable stream over a request body, which it owns.</summary>
internal abstract class BodyStream(Stream inner) : Stream
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

/// <summary>The body is over the server's limit.</summary>
internal sealed class BodyTooLargeException : Exception;
