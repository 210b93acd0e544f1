using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// Cuts the elements of one JSON array out of a stream as it arrives: the array that is the whole input (events, or a
/// log source's <c>json-array</c>), or the one under <c>Records</c> in CloudTrail's files (<c>cloudtrail-records</c>;
/// the root object's other members are passed over). Each element's bytes are one record, numbered by its position
/// (1-based), so that an array is checked record by record exactly as JSON Lines are: never parsed or held whole. One
/// <see cref="Utf8JsonReader"/> runs over a buffer that keeps only the element under way and the next read, its state
/// carried from one buffer to the next. An element longer than <see cref="JsonLinesFramer.MaxLineBytes"/> is reported
/// once as too long and its bytes are dropped as they pass; an element that is not an object is reported as such; an
/// input of nothing but white space holds no records. Where the container itself breaks (a syntax error, text after
/// its end, an input cut off), the element under way is handed out as it is (to be rejected as the invalid JSON it is,
/// or as a truncated last record) and the next call throws <see cref="BrokenContainerException"/>, whose message says
/// where: every element before the break has been handed out.
/// </summary>
internal sealed class JsonArrayFramer : IRecordFramer
{
    private const int ReadChunk = 1 << 20;

    private const int MaxBuffer = JsonLinesFramer.MaxLineBytes + ReadChunk;

    /// <summary>How much of an element too long for the buffer is kept to show which it was.</summary>
    private const int TooLongPrefix = 256;

    // Deep enough that an element nested too deeply for a record is framed, and then rejected alone by the record's
    // reader (which allows 64), rather than breaking the array; the reader's depth stack costs a bit per level.
    private static readonly JsonReaderOptions Syntax = new() { MaxDepth = 1024 };

    private readonly Stream input;
    private readonly bool underRecords;
    private readonly int elementDepth;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
    private JsonReaderState state = new(Syntax);
    private int position;
    private int end;
    private long number;
    private int elementStart = -1;
    private bool elementIsObject;
    private bool skipping;
    private bool inArray;
    private bool arrayClosed;
    private bool recordsNext;
    private bool sawRoot;
    private bool started;
    private bool endOfInput;
    private bool done;
    private string? broken;

    /// <param name="input">The decompressed input.</param>
    /// <param name="underRecords">True for CloudTrail's <c>{"Records": [...]}</c>, false for an array at the root.</param>
    public JsonArrayFramer(Stream input, bool underRecords = false)
    {
        this.input = input ?? throw new ArgumentNullException(nameof(input));
        this.underRecords = underRecords;
        elementDepth = underRecords ? 2 : 1;
    }

    /// <inheritdoc/>
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
            line = default;
            if (done)
            {
                return false;
            }

            if (endOfInput && !sawRoot && buffer.AsSpan(position, end - position).IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                done = true; // nothing but white space: no records
                return false;
            }

            if (Frame(out line))
            {
                return true;
            }

            if (done)
            {
                return false;
            }

            if (elementStart >= 0 && end - elementStart > JsonLinesFramer.MaxLineBytes)
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

                if (type is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    number++;
                    elementStart = position + (int)reader.TokenStartIndex;
                    elementIsObject = type == JsonTokenType.StartObject;
                    skipping = false;
                    if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        continue; // the element ends at its closing bracket
                    }
                }

                if (skipping)
                {
                    skipping = false;
                    continue;
                }

                var text = buffer.AsSpan(elementStart, position + (int)reader.BytesConsumed - elementStart);
                var kind = !elementIsObject ? FramedLineKind.NotAnObject
                    : text.Length > JsonLinesFramer.MaxLineBytes ? FramedLineKind.TooLong
                    : FramedLineKind.Record;
                line = new FramedLine { Kind = kind, Text = kind == FramedLineKind.TooLong ? text[..TooLongPrefix] : text, Number = number };
                elementStart = -1;
                Advance(ref reader);
                return true;
            }

            if (endOfInput)
            {
                done = true;
                if (!arrayClosed)
                {
                    throw Break(underRecords ? "it holds no Records array" : "it holds no array");
                }
            }
        }
        catch (JsonException exception)
        {
            Break(CutOff() ? "the input ends inside it (cut off?)" : EventFields.FirstSentence(exception.Message).TrimEnd('.'));
            if (elementStart >= 0 && !skipping)
            {
                // The element under way is a record too: it is counted, and rejected as the JSON it is.
                line = new FramedLine { Kind = FramedLineKind.Record, Text = buffer.AsSpan(elementStart, end - elementStart), Number = number, IsLast = endOfInput };
                elementStart = -1;
                return true;
            }

            throw new BrokenContainerException(broken!);
        }

        Advance(ref reader);
        return false;
    }

    /// <summary>Tokens outside the array: where it starts, and (for CloudTrail) the other members of the root object.</summary>
    private void Outside(ref Utf8JsonReader reader, int depth, JsonTokenType type)
    {
        sawRoot = true;
        if (!underRecords)
        {
            if (depth == 0 && type == JsonTokenType.StartArray && !arrayClosed)
            {
                inArray = true;
            }
            else if (depth == 0)
            {
                throw Refuse("not a JSON array: the input does not start with '['");
            }

            return;
        }

        if (depth == 0 && type != JsonTokenType.StartObject && type != JsonTokenType.EndObject)
        {
            throw Refuse("not a CloudTrail file ({\"Records\": [...]}): the input is not a JSON object");
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

    /// <summary>
    /// Whether the reader failed only because the input ended: the same bytes read as if more were to come raise no error.
    /// Only then is the input called cut off; a syntax error in its last bytes is named as the reader names it.
    /// </summary>
    private bool CutOff()
    {
        if (!endOfInput)
        {
            return false;
        }

        var probe = new Utf8JsonReader(buffer.AsSpan(position, end - position), isFinalBlock: false, state);
        try
        {
            while (probe.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Marks the container broken here, with the reason every later call gives again: what broke, and where.</summary>
    private BrokenContainerException Break(string why)
    {
        string unit = underRecords ? "record" : "element";
        bool inElement = elementStart >= 0 || skipping;
        string where = inElement ? $"in {unit} {Count(number)}" : number == 0 ? $"before its first {unit}" : $"after {unit} {Count(number)}";
        string container = underRecords ? "CloudTrail file ({\"Records\": [...]})" : "JSON array";
        bool recordsBefore = (inElement ? number - 1 : number) > 0;
        return Refuse($"not a well-formed {container}: {why} ({where})" + (recordsBefore ? "; the records before it were read" : string.Empty));
    }

    /// <summary>Marks the input as not the container at all (before any record), with the reason every later call gives again.</summary>
    private BrokenContainerException Refuse(string message)
    {
        broken = message;
        return new BrokenContainerException(message);
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

        if (buffer.Length < MaxBuffer)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBuffer));
            buffer.AsSpan(0, end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
            return;
        }

        // Full, and what fills it is one token no kept element holds (a kept element fills at most half of it).
        if (!DropStringContent())
        {
            throw Break($"a single JSON value is longer than {MaxBuffer.ToString("N0", CultureInfo.InvariantCulture)} bytes");
        }
    }

    /// <summary>
    /// The token the reader is stuck in is a long string, of an element refused anyway: drops what has arrived of its
    /// content, keeping a pending backslash, so that the reader still finds where the string ends.
    /// </summary>
    private bool DropStringContent()
    {
        var pending = buffer.AsSpan(position, end - position);
        int quote = pending.IndexOfAnyExcept(" \t\r\n,:"u8);
        if (quote < 0 || pending[quote] != '"')
        {
            return false;
        }

        bool escaped = false;
        for (int i = quote + 1; i < pending.Length; i++)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (pending[i] == '\\')
            {
                escaped = true;
            }
            else if (pending[i] == '"')
            {
                return false; // the string ends here: the reader is stuck in something else
            }
        }

        int kept = position + quote + 1;
        if (escaped)
        {
            buffer[kept++] = (byte)'\\';
        }

        end = kept;
        return true;
    }
}
