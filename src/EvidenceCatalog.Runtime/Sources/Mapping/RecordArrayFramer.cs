using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Json;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Events.Reading;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Cuts the elements of one JSON array out of a stream as it arrives: the array that is the whole input
/// (<c>json-array</c>), or the one under <c>Records</c> of CloudTrail's files (<c>cloudtrail-records</c>). Each
/// element's bytes are one record, numbered by its position (1-based); the input is never held whole. One
/// <see cref="Utf8JsonReader"/> runs over a buffer that keeps only the element under way and the next read, its state
/// carried from one buffer to the next. An element longer than <see cref="EventStreamReader.MaxLineBytes"/> is
/// reported once as too long and its bytes are dropped as they pass. Where the container itself breaks (a syntax
/// error, an input cut off), the element under way is handed out as it is (to be rejected as invalid JSON) and the
/// next call throws <see cref="BrokenContainerException"/>: every element before the break has been read.
/// </summary>
internal sealed class RecordArrayFramer : IDisposable
{
    private const int ReadChunk = 1 << 20;

    private const int MaxBuffer = EventStreamReader.MaxLineBytes + ReadChunk;

    /// <summary>How much of an element too long to keep is shown to say which it was.</summary>
    private const int TooLongPrefix = 256;

    // Deeper than any record may be (the mapper refuses more than 64 levels, record by record); the reader's bit stack
    // makes the allowance cheap.
    private static readonly JsonReaderOptions Syntax = new() { MaxDepth = 1024 };

    private readonly Stream input;
    private readonly bool records;
    private readonly int elementDepth;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
    private JsonReaderState state = new(Syntax);
    private int position;
    private int end;
    private long number;
    private int elementStart = -1;
    private bool skipping;
    private bool inArray;
    private bool arrayClosed;
    private bool recordsNext;
    private bool started;
    private bool endOfInput;
    private bool done;
    private string? broken;

    /// <param name="input">The decompressed input.</param>
    /// <param name="records">True for <c>{"Records": [...]}</c>, false for an array at the root.</param>
    public RecordArrayFramer(Stream input, bool records)
    {
        this.input = input ?? throw new ArgumentNullException(nameof(input));
        this.records = records;
        elementDepth = records ? 2 : 1;
    }

    /// <summary>The next element; false once the container has ended.</summary>
    /// <exception cref="BrokenContainerException">The container is broken here: nothing after this point can be read as records.</exception>
    public bool Next(out FramedLine line)
    {
        if (broken is not null)
        {
            throw new BrokenContainerException(broken);
        }

        if (!started)
        {
            Start();
        }

        while (true)
        {
            if (Frame(out line))
            {
                return true;
            }

            if (done)
            {
                return false;
            }

            if (elementStart >= 0 && end - elementStart > EventStreamReader.MaxLineBytes)
            {
                // Reported once, now; the rest of its bytes are dropped as they arrive.
                line = new FramedLine { Kind = FramedLineKind.TooLong, Text = buffer.AsSpan(elementStart, TooLongPrefix), Number = number };
                elementStart = -1;
                skipping = true;
                return true;
            }

            MakeRoom();
            int read = input.Read(buffer, end, buffer.Length - end);
            endOfInput = read == 0;
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

    /// <summary>Reads tokens until an element ends (true), or the buffer runs out or the container ends (false).</summary>
    private bool Frame(out FramedLine line)
    {
        line = default;
        var reader = new Utf8JsonReader(buffer.AsSpan(position, end - position), endOfInput, state);
        try
        {
            while (reader.Read())
            {
                int depth = reader.CurrentDepth;
                var type = reader.TokenType;
                if (!inArray)
                {
                    Outside(ref reader, depth, type);
                    continue;
                }

                if (depth != elementDepth)
                {
                    if (depth < elementDepth && type == JsonTokenType.EndArray)
                    {
                        inArray = false;
                        arrayClosed = true;
                    }

                    continue;
                }

                if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    number++;
                    elementStart = position + (int)reader.TokenStartIndex;
                    skipping = false;
                    continue;
                }

                if (type is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    // A scalar element: it starts and ends here (and is rejected later as no object).
                    number++;
                    elementStart = position + (int)reader.TokenStartIndex;
                    skipping = false;
                }

                int elementEnd = position + (int)reader.BytesConsumed;
                Advance(ref reader);
                if (skipping)
                {
                    skipping = false;
                    return Frame(out line);
                }

                var text = buffer.AsSpan(elementStart, elementEnd - elementStart);
                line = text.Length > EventStreamReader.MaxLineBytes
                    ? new FramedLine { Kind = FramedLineKind.TooLong, Text = text[..TooLongPrefix], Number = number }
                    : new FramedLine { Kind = FramedLineKind.Record, Text = text, Number = number };
                elementStart = -1;
                return true;
            }

            if (endOfInput)
            {
                done = true;
                if (!arrayClosed)
                {
                    throw new BrokenContainerException(Broken("it holds no " + (records ? "Records array" : "array")));
                }
            }
        }
        catch (JsonException exception)
        {
            string why = endOfInput
                ? "the input ends inside it (cut off?)"
                : Events.Reading.EventFields.FirstSentence(exception.Message).TrimEnd('.');
            broken = Broken(why);
            if (elementStart >= 0 && !skipping)
            {
                // The element under way is a record too: it is counted, and rejected as the JSON it is.
                line = new FramedLine { Kind = FramedLineKind.Record, Text = buffer.AsSpan(elementStart, end - elementStart), Number = number, IsLast = endOfInput };
                elementStart = -1;
                return true;
            }

            throw new BrokenContainerException(broken);
        }

        Advance(ref reader);
        return false;
    }

    /// <summary>Tokens outside the array: where it starts, and (for CloudTrail) the other members of the root object.</summary>
    private void Outside(ref Utf8JsonReader reader, int depth, JsonTokenType type)
    {
        if (!records)
        {
            if (depth == 0 && type == JsonTokenType.StartArray && !arrayClosed)
            {
                inArray = true;
            }
            else if (depth == 0 && type != JsonTokenType.EndArray)
            {
                throw new BrokenContainerException(Broken("the input is not a JSON array"));
            }

            return;
        }

        if (depth == 0 && type != JsonTokenType.StartObject && type != JsonTokenType.EndObject)
        {
            throw new BrokenContainerException(Broken("the input is not a JSON object"));
        }

        if (depth == 1 && type == JsonTokenType.PropertyName)
        {
            recordsNext = !arrayClosed && reader.ValueTextEquals("Records"u8);
        }
        else if (depth == 1 && recordsNext)
        {
            inArray = type == JsonTokenType.StartArray;
            recordsNext = false;
        }
    }

    private string Broken(string why)
    {
        string container = records ? "CloudTrail file ({\"Records\": [...]})" : "JSON array";
        string where = number == 0 ? "before its first record" : elementStart >= 0 || skipping ? $"in record {Count(number)}" : $"after record {Count(number)}";
        return $"not a well-formed {container}: {why} ({where}); the records before it were read";
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private void Advance(ref Utf8JsonReader reader)
    {
        position += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    private void Start()
    {
        started = true;
        while (end < 3 && !endOfInput)
        {
            int read = input.Read(buffer, end, buffer.Length - end);
            endOfInput = read == 0;
            end += read;
        }

        if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
        {
            position = 3;
        }
    }

    /// <summary>Keeps the element under way (or the token the reader stopped in) at the front, growing the buffer up to its bound.</summary>
    private void MakeRoom()
    {
        int keep = elementStart >= 0 ? elementStart : position;
        if (keep > 0)
        {
            buffer.AsSpan(keep, end - keep).CopyTo(buffer);
            end -= keep;
            position -= keep;
            elementStart = elementStart >= 0 ? elementStart - keep : -1;
        }

        if (end < buffer.Length)
        {
            return;
        }

        if (buffer.Length >= MaxBuffer)
        {
            // Only one token can fill it now (a kept element is at most the record limit): a value no record may hold.
            broken = Broken($"a single JSON value is longer than {MaxBuffer.ToString("N0", CultureInfo.InvariantCulture)} bytes");
            throw new BrokenContainerException(broken);
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBuffer));
        buffer.AsSpan(0, end).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }
}

/// <summary>A log source's input whose container (a JSON array, a CloudTrail file) breaks: nothing after the break can be read.</summary>
internal sealed class BrokenContainerException(string message) : Exception(message);
