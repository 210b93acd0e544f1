using System;
using System.Buffers;
using System.IO;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// Splits a stream into the lines of records, reading 1 MiB at a time into a pooled buffer (never a whole file in
/// memory): blank lines are not records, a leading byte order mark and a line's trailing carriage return are dropped,
/// NUL bytes around a record are trimmed, and a line longer than the limit is reported once and skipped without being
/// buffered whole.
/// </summary>
internal sealed class JsonLinesFramer : IRecordFramer
{
    /// <summary>Longest record accepted; a longer line is reported as <see cref="FramedLineKind.TooLong"/>.</summary>
    public const int MaxLineBytes = 1 << 20;

    private const int ReadChunk = 1 << 20;

    /// <summary>How much of a line too long for the buffer is kept to show which it was.</summary>
    private const int TooLongPrefix = 256;

    private readonly Stream input;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadChunk * 2);
    private int start;
    private int end;
    private int scanFrom;
    private long number;
    private bool skippingLongLine;
    private bool endOfInput;

    public JsonLinesFramer(Stream input)
    {
        this.input = input ?? throw new ArgumentNullException(nameof(input));
    }

    /// <inheritdoc/>
    public bool Next(out FramedLine line)
    {
        while (true)
        {
            int newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += scanFrom;
                var raw = buffer.AsSpan(start, newline - start);
                start = scanFrom = newline + 1;
                if (skippingLongLine)
                {
                    skippingLongLine = false;
                    continue;
                }

                if (Frame(raw, ++number, isLast: false, out line))
                {
                    return true;
                }

                continue;
            }

            scanFrom = end;
            if (skippingLongLine)
            {
                start = end = scanFrom = 0;
            }

            if (endOfInput)
            {
                if (end > start)
                {
                    var raw = buffer.AsSpan(start, end - start);
                    start = scanFrom = end;
                    if (Frame(raw, ++number, isLast: true, out line))
                    {
                        return true;
                    }
                }

                line = default;
                return false;
            }

            if (end == buffer.Length && MakeRoom(out line))
            {
                return true;
            }

            int read = input.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                endOfInput = true;
            }

            end += read;
        }
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    /// <summary>Moves the open line to the front, or grows the buffer up to the limit; past it, reports the line as too long.</summary>
    private bool MakeRoom(out FramedLine line)
    {
        line = default;
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            scanFrom -= start;
            start = 0;
            return false;
        }

        if (buffer.Length < MaxLineBytes + ReadChunk)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
            return false;
        }

        // A line longer than the limit: reported once, then its bytes are dropped up to its newline.
        line = new FramedLine { Kind = FramedLineKind.TooLong, Text = buffer.AsSpan(0, TooLongPrefix), Number = ++number };
        skippingLongLine = true;
        start = end = scanFrom = 0;
        return true;
    }

    private static bool Frame(ReadOnlySpan<byte> raw, long number, bool isLast, out FramedLine line)
    {
        if (number == 1 && raw.StartsWith("\uFEFF"u8))
        {
            raw = raw[3..];
        }

        if (!raw.IsEmpty && raw[^1] == '\r')
        {
            raw = raw[..^1];
        }

        if (raw.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            line = default;
            return false;
        }

        var kind = FramedLineKind.Record;
        if (raw.Length > MaxLineBytes)
        {
            kind = FramedLineKind.TooLong;
        }
        else if (raw.Contains((byte)0))
        {
            var content = raw.Trim("\0 \t"u8);
            if (content.IsEmpty)
            {
                kind = FramedLineKind.NulPadding;
            }
            else
            {
                raw = content;
            }
        }

        line = new FramedLine { Kind = kind, Text = raw, Number = number, IsLast = isLast };
        return true;
    }
}
