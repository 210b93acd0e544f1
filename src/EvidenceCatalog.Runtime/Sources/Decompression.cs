using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>Recognises gzip by its magic bytes, not by a file name.</summary>
internal static class Decompression
{
    /// <summary>
    /// The stream itself, or a gzip decompressor over it when it starts with the gzip magic bytes — one that checks every
    /// member's trailer, so a cut-off or corrupted input is never read as complete (<see cref="VerifiedGzipStream"/>).
    /// </summary>
    public static Stream Decompressed(Stream raw, out bool compressed)
    {
        var head = new byte[2];
        int read = 0;
        while (read < 2)
        {
            int n = raw.Read(head, read, 2 - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var replay = new ReplayStream(head.AsMemory(0, read), raw);
        compressed = read == 2 && head[0] == 0x1f && head[1] == 0x8b;
        return compressed ? new VerifiedGzipStream(replay) : replay;
    }

    /// <summary>Returns the bytes already read to find the format, then the rest of the stream.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> prefix, Stream inner) : ReadOnlyStream(inner)
    {
        private ReadOnlyMemory<byte> prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (!prefix.IsEmpty)
            {
                int n = Math.Min(prefix.Length, buffer.Length);
                prefix.Span[..n].CopyTo(buffer);
                prefix = prefix[n..];
                return n;
            }

            return Inner.Read(buffer);
        }
    }
}
