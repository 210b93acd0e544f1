using System;
using System.IO;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>A request body read through a limit: past <c>limit</c> bytes it throws <see cref="BodyTooLargeException"/>.</summary>
internal sealed class LimitedStream(Stream inner, long limit) : ReadOnlyStream(inner)
{
    private long total;

    public override int Read(Span<byte> buffer)
    {
        int read = Inner.Read(buffer);
        total += read;
        if (total > limit)
        {
            throw new BodyTooLargeException();
        }

        return read;
    }
}

/// <summary>The bytes already peeked from a body, then the rest of it.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream(rest)
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

/// <summary>The body is over the server's limit.</summary>
internal sealed class BodyTooLargeException : Exception;
