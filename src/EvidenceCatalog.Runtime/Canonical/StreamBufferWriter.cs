using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>Passes each committed chunk on to a <see cref="Stream"/>.</summary>
internal sealed class StreamBufferWriter(Stream stream) : ChunkedBufferWriter
{
    protected override void Commit(ReadOnlySpan<byte> chunk) => stream.Write(chunk);
}
