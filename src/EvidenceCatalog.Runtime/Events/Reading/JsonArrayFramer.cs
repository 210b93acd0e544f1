using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// Cuts one JSON array into its elements as the input streams in, each element's bytes a record numbered by its
/// position (1-based), so that an array is checked record by record exactly as JSON Lines are: never parsed or held
/// whole. The buffer holds at most one element (up to <see cref="JsonLinesFramer.MaxLineBytes"/>) and a read chunk;
/// a longer element is reported once as too long and its bytes are dropped as they pass. An element that is not an
/// object is reported as such. The array's own syntax (brackets, commas, what follows the closing bracket) is the
/// input's: where it breaks, nothing after can be framed, so the framer throws <see cref="MalformedJsonArrayException"/>
/// after handing out every element before the break.
/// </summary>
internal sealed class JsonArrayFramer : IRecordFramer
{
    private const int ReadChunk = 1 << 20;

    private const int MaxBuffer = JsonLinesFramer.MaxLineBytes + ReadChunk;

    /// <summary>How much of an element too long for the buffer is kept to show which it was.</summary>
    private const int TooLongPrefix = 256;

    // Deep enough that an element nested too deeply for an event is framed, and then rejected alone by the field
    // reader (which allows 64), rather than breaking the array; the reader's depth stack costs a bit per level.
    private static readonly JsonReaderOptions Syntax = new() { MaxDepth = 1024 };

    private readonly Stream input;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
    private JsonReaderState state = new(Syntax);
    private int position;
    private int end;
    private long number;
    private int elementStart = -1;
    private bool elementIsObject;
    private bool skipping;
    private bool started;
    private bool sawArray;
    private bool endOfInput;

    public JsonArrayFramer(Stream input)
    {
        this.input = input ?? throw new ArgumentNullException(nameof(input));
    }

    /// <inheritdoc/>
    public bool Next(out FramedLine line)
    {
        if (!started)
        {
            Start();
        }

        while (true)
        {
            if (endOfInput && !sawArray && buffer.AsSpan(position, end - position).IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                line = default; // nothing but white space: no records
                return false;
            }

            if (Frame(out line))
            {
                return true;
            }

            if (endOfInput)
            {
                line = default;
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

    /// <summary>Reads tokens from the buffer until an element ends (true) or the buffer runs out (false).</summary>
    private bool Frame(out FramedLine line)
    {
        line = default;
        var reader = new Utf8JsonReader(buffer.AsSpan(position, end - position), endOfInput, state);
        try
        {
            while (reader.Read())
            {
                var type = reader.TokenType;
                if (reader.CurrentDepth == 0)
                {
                    if (type == JsonTokenType.StartArray)
                    {
                        sawArray = true;
                    }
                    else if (type != JsonTokenType.EndArray)
                    {
                        throw new MalformedJsonArrayException("not a JSON array: the input does not start with '['");
                    }

                    continue;
                }

                if (reader.CurrentDepth != 1)
                {
                    continue;
                }

                bool starts = type is not (JsonTokenType.EndObject or JsonTokenType.EndArray);
                if (starts)
                {
                    number++;
                    elementStart = position + (int)reader.TokenStartIndex;
                    elementIsObject = type == JsonTokenType.StartObject;
                    skipping = false;
                }

                if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    continue; // the element ends at its closing bracket
                }

                int elementEnd = position + (int)reader.BytesConsumed;
                if (skipping)
                {
                    skipping = false;
                    continue;
                }

                var text = buffer.AsSpan(elementStart, elementEnd - elementStart);
                var kind = !elementIsObject ? FramedLineKind.NotAnObject
                    : text.Length > JsonLinesFramer.MaxLineBytes ? FramedLineKind.TooLong
                    : FramedLineKind.Record;
                line = new FramedLine { Kind = kind, Text = kind == FramedLineKind.TooLong ? text[..TooLongPrefix] : text, Number = number };
                elementStart = -1;
                Advance(ref reader);
                return true;
            }
        }
        catch (JsonException exception)
        {
            throw Malformed(EventFields.FirstSentence(exception.Message));
        }

        Advance(ref reader);
        return false;
    }

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
            throw Malformed($"a single JSON value is longer than {MaxBuffer:N0} bytes");
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

    private MalformedJsonArrayException Malformed(string why)
    {
        string where = elementStart >= 0 || skipping ? $"in element {number}" : number == 0 ? "before its first element" : $"after element {number}";
        return new($"not a well-formed JSON array: {why.TrimEnd('.')} ({where})");
    }
}
