using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// The baseline for <c>evidence report --events</c>: the least a .NET program must do to read a JSON Lines file, that is
/// read it in 1 MiB blocks and pass every byte through one <see cref="Utf8JsonReader"/> (<c>AllowMultipleValues</c>,
/// its <see cref="JsonReaderState"/> carried from block to block, <c>isFinalBlock</c> false until the end), counting
/// tokens and top-level objects. No validation beyond the reader's own, no strings decoded, nothing kept.
/// </summary>
internal static class TokenScan
{
    private const int BlockSize = 1 << 20;

    public static int Run(string path)
    {
        var clock = Stopwatch.StartNew();
        var result = Scan(path);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"scan {path}: events {result.Objects} tokens {result.Tokens} bytes {result.Bytes} seconds {seconds:F3} events/s {result.Objects / seconds:F0} MB/s {result.Bytes / seconds / 1e6:F0}"));
        return 0;
    }

    public static (long Objects, long Tokens, long Bytes) Scan(string path)
    {
        // bufferSize 1: no FileStream buffer of its own, as the CLI opens event files; reads go straight into ours.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        byte[] buffer = new byte[BlockSize];
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true });
        long objects = 0;
        long tokens = 0;
        long bytes = 0;
        int kept = 0;
        while (true)
        {
            if (kept == buffer.Length)
            {
                // One token longer than the buffer (never in event files): make room rather than fail.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = stream.Read(buffer, kept, buffer.Length - kept);
            bytes += read;
            bool final = read == 0;
            int length = kept + read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
            {
                tokens++;
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 0)
                {
                    objects++;
                }
            }

            if (final)
            {
                return (objects, tokens, bytes);
            }

            state = reader.CurrentState;
            int consumed = (int)reader.BytesConsumed;
            kept = length - consumed;
            buffer.AsSpan(consumed, kept).CopyTo(buffer);
        }
    }
}
