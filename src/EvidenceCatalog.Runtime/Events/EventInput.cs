using System;
using System.IO;
using System.IO.Compression;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>Opens an events input: a file, <c>-</c> for standard input; gzip is recognised by its magic bytes, not its name.</summary>
public static class EventInput
{
    private const int BufferSize = 1 << 20;

    /// <summary>Opens <paramref name="path"/> (or <paramref name="standardInput"/> for <c>-</c>) for sequential reading.</summary>
    public static Stream Open(string path, Stream? standardInput = null)
    {
        Stream raw = path == "-"
            ? standardInput ?? Console.OpenStandardInput()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Decompressed(raw);
    }

    /// <summary>The stream itself, or a gzip decompressor over it when it starts with the gzip magic bytes.</summary>
    public static Stream Decompressed(Stream raw)
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
        return read == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(replay, CompressionMode.Decompress) : replay;
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
