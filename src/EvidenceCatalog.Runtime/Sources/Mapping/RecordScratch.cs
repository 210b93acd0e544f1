using System;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Room for the texts one record's event is made of (unescaped strings, filled templates, the attributes), handed out
/// in slices that stay valid until <see cref="Reset"/>: when the block is full a new one is taken and the old one lives
/// on as long as a slice points into it, so a slice is never moved under a reader.
/// </summary>
internal sealed class RecordScratch
{
    private byte[] block = new byte[16 * 1024];
    private int used;

    /// <summary>Forgets every slice handed out (the next record starts).</summary>
    public void Reset() => used = 0;

    /// <summary>A fresh slice of <paramref name="length"/> bytes.</summary>
    public Span<byte> Take(int length)
    {
        if (block.Length - used < length)
        {
            block = new byte[Math.Max(block.Length, length * 2)];
            used = 0;
        }

        var slice = block.AsSpan(used, length);
        used += length;
        return slice;
    }

    /// <summary>Gives back the unused end of the last slice taken (it was taken at its longest possible size).</summary>
    public void Return(int unused) => used -= unused;
}
