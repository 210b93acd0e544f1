using System;
using System.Security.Cryptography;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// Feeds each committed chunk to several hashes, so that canonical bytes are signed by every key without being kept.
/// (Hashing on a second thread was measured and gained nothing: writing the canonical form dominates.)
/// </summary>
internal sealed class HashingBufferWriter(params IncrementalHash[] hashes) : ChunkedBufferWriter
{
    protected override void Commit(ReadOnlySpan<byte> chunk)
    {
        foreach (var hash in hashes)
        {
            hash.AppendData(chunk);
        }
    }
}
