using System;
using System.Buffers;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>An <see cref="IBufferWriter{T}"/> over one pooled buffer whose committed bytes are handed on at once, never kept.</summary>
internal abstract class ChunkedBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);

    public void Advance(int count) => Commit(buffer.AsSpan(0, count));

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
        }

        return buffer;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Hands on bytes the writer has committed; they are overwritten afterwards.</summary>
    protected abstract void Commit(ReadOnlySpan<byte> chunk);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
