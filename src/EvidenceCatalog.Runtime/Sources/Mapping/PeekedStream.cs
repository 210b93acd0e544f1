using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// A stream whose first bytes were read ahead to tell how it is framed (<see cref="Head"/>), and which still yields
/// every byte, those first, to whoever reads it after.
/// </summary>
internal sealed class PeekedStream : ReadOnlyStream
{
    private readonly byte[] head;
    private int replayed;

    /// <summary>Reads up to <paramref name="length"/> bytes ahead (fewer only when the input is shorter).</summary>
    public PeekedStream(Stream inner, int length)
        : base(inner)
    {
        head = new byte[length];
        int read = 0;
        int n;
        while (read < length && (n = inner.Read(head, read, length - read)) > 0)
        {
            read += n;
        }

        Array.Resize(ref head, read);
    }

    /// <summary>The first bytes of the input.</summary>
    public ReadOnlySpan<byte> Head => head;

    public override int Read(Span<byte> buffer)
    {
        if (replayed == head.Length)
        {
            return Inner.Read(buffer);
        }

        int n = Math.Min(head.Length - replayed, buffer.Length);
        head.AsSpan(replayed, n).CopyTo(buffer);
        replayed += n;
        return n;
    }
}
