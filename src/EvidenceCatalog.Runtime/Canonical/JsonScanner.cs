using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>
/// The one pass over a JSON text that checks its syntax (RFC 8259, strictly) and records its tokens. Written for this
/// job rather than on <see cref="System.Text.Json.Utf8JsonReader"/> because a signer runs once per process: code that is
/// fully optimised from the first call took a cold 100 MB parse from about 240 to 180 ms on the 2-core build machine.
/// </summary>
internal ref struct JsonScanner
{
    private const ulong EightSpaces = 0x2020202020202020;

    private readonly ReadOnlySpan<byte> json;
    private int position;
    private JsonToken[] tokens;
    private int count;

    public JsonScanner(ReadOnlySpan<byte> json)
    {
        this.json = json;
        position = json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

        // Reports average well over ten bytes a token; the table grows if they do not.
        tokens = GC.AllocateUninitializedArray<JsonToken>(Math.Max(16, json.Length / 10));
        count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonTokenTable Scan()
    {
        Span<int> open = stackalloc int[JsonTokenTable.MaxDepth];
        int depth = 0;
        SkipWhitespace();
        while (true)
        {
            // A value is expected here.
            if (position >= json.Length)
            {
                throw Error(depth == 0 && count == 0 ? "the input holds no JSON value" : "the input ends where a value is expected");
            }

            byte first = json[position];
            if (first is (byte)'{' or (byte)'[')
            {
                if (depth == JsonTokenTable.MaxDepth)
                {
                    throw Error("the JSON is nested more than " + JsonTokenTable.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
                }

                open[depth++] = Add(first == (byte)'{' ? JsonTokenKind.Object : JsonTokenKind.Array, position, 0, JsonTokenFlags.None);
                position++;
                SkipWhitespace();
                if (position < json.Length && json[position] == (first == (byte)'{' ? (byte)'}' : (byte)']'))
                {
                    tokens[open[--depth]].Extent = count;
                    position++;
                }
                else if (first == (byte)'{')
                {
                    ReadMemberName();
                    continue;
                }
                else
                {
                    continue;
                }
            }
            else if (first == (byte)'"')
            {
                ReadString(JsonTokenKind.String);
            }
            else if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9'))
            {
                ReadNumber();
            }
            else if (first == (byte)'t')
            {
                ReadLiteral("true"u8, JsonTokenKind.True);
            }
            else if (first == (byte)'f')
            {
                ReadLiteral("false"u8, JsonTokenKind.False);
            }
            else if (first == (byte)'n')
            {
                ReadLiteral("null"u8, JsonTokenKind.Null);
            }
            else
            {
                throw Error("unexpected " + Describe(first) + " where a value is expected");
            }

            // A value has ended: close containers, or move on to the next item or member.
            while (true)
            {
                SkipWhitespace();
                if (depth == 0)
                {
                    if (position != json.Length)
                    {
                        throw Error("unexpected " + Describe(json[position]) + " after the end of the JSON value");
                    }

                    return new JsonTokenTable(tokens, count);
                }

                if (position >= json.Length)
                {
                    throw Error("the input ends inside an " + (tokens[open[depth - 1]].Kind == JsonTokenKind.Object ? "object" : "array"));
                }

                byte next = json[position++];
                bool inObject = tokens[open[depth - 1]].Kind == JsonTokenKind.Object;
                if (next == (byte)',')
                {
                    SkipWhitespace();
                    if (inObject)
                    {
                        ReadMemberName();
                    }

                    break;
                }

                if (next == (inObject ? (byte)'}' : (byte)']'))
                {
                    tokens[open[--depth]].Extent = count;
                    continue;
                }

                position--;
                throw Error("unexpected " + Describe(next) + (inObject ? " in an object, where ',' or '}' is expected" : " in an array, where ',' or ']' is expected"));
            }
        }
    }

    private void ReadMemberName()
    {
        if (position >= json.Length || json[position] != (byte)'"')
        {
            throw Error(position >= json.Length ? "the input ends where a member name is expected" : "unexpected " + Describe(json[position]) + " where a member name (a string) is expected");
        }

        ReadString(JsonTokenKind.PropertyName);
        SkipWhitespace();
        if (position >= json.Length || json[position] != (byte)':')
        {
            throw Error("a member name must be followed by ':'");
        }

        position++;
        SkipWhitespace();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadString(JsonTokenKind kind)
    {
        // A plain loop rather than a vectorised search: report strings are short, and this code is optimised from the first call.
        int start = ++position;
        var flags = JsonTokenFlags.None;
        while (true)
        {
            if (position >= json.Length)
            {
                throw Error("the input ends inside a string");
            }

            if (position + sizeof(ulong) <= json.Length && IsPlainAscii(MemoryMarshal.Read<ulong>(json[position..])))
            {
                position += sizeof(ulong);
                continue;
            }

            byte next = json[position];
            if ((uint)(next - 0x20) < 0x60 && next != (byte)'"' && next != (byte)'\\')
            {
                position++;
                continue;
            }

            if (next >= 0x80)
            {
                flags |= JsonTokenFlags.NonAscii;
                position++;
                continue;
            }

            if (next == (byte)'"')
            {
                break;
            }

            if (next != (byte)'\\')
            {
                throw Error("a string holds the control character U+" + next.ToString("X4", CultureInfo.InvariantCulture) + ", which must be escaped");
            }

            flags |= JsonTokenFlags.Escaped;
            int escape = JsonGrammar.EscapeLength(json, position);
            if (escape == 0)
            {
                throw Error(
                    position + 1 >= json.Length ? "the input ends inside a string"
                    : json[position + 1] == (byte)'u' ? "\\u must be followed by four hexadecimal digits"
                    : "invalid escape \\" + Describe(json[position + 1]));
            }

            position += escape;
        }

        Add(kind, start, position - start, flags);
        position++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadNumber()
    {
        int start = position;
        switch (JsonGrammar.Number(json, ref position))
        {
            case JsonNumberProblem.NoIntegerDigit:
                throw Error("a number needs a digit after its minus sign");
            case JsonNumberProblem.NoFractionDigit:
                throw Error("a number needs a digit after its decimal point");
            case JsonNumberProblem.NoExponentDigit:
                throw Error("a number needs a digit in its exponent");
        }

        Add(JsonTokenKind.Number, start, position - start, JsonTokenFlags.None);
    }

    private void ReadLiteral(ReadOnlySpan<byte> literal, JsonTokenKind kind)
    {
        if (!json[position..].StartsWith(literal))
        {
            throw Error("unexpected " + Describe(json[position]) + " where a value is expected");
        }

        Add(kind, position, literal.Length, JsonTokenFlags.None);
        position += literal.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespace()
    {
        while (position < json.Length)
        {
            byte next = json[position];
            if (next is (byte)' ' or (byte)'\r' or (byte)'\t')
            {
                position++;
            }
            else if (next == (byte)'\n')
            {
                // Indentation comes in long runs of spaces after a newline: skip them eight at a time.
                position++;
                while (position + sizeof(ulong) <= json.Length && MemoryMarshal.Read<ulong>(json[position..]) == EightSpaces)
                {
                    position += sizeof(ulong);
                }
            }
            else
            {
                break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Add(JsonTokenKind kind, int start, int extent, JsonTokenFlags flags)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, checked(tokens.Length * 2));
        }

        tokens[count] = new JsonToken { Start = start, Extent = extent, Kind = kind, Flags = flags };
        return count++;
    }

    /// <summary>
    /// Whether eight bytes are all printable ASCII other than the quote and the backslash, tested together with the
    /// bit tricks of "Bit Twiddling Hacks" (a byte below n: (v - n×0x01…) &amp; ~v &amp; 0x80…; a zero byte after XOR for equality).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainAscii(ulong value)
    {
        const ulong Ones = 0x0101010101010101;
        const ulong High = 0x8080808080808080;
        ulong quote = value ^ (Ones * '"');
        ulong backslash = value ^ (Ones * '\\');
        ulong special = (value - (Ones * 0x20)) | (quote - Ones) | (backslash - Ones);
        return (((special & ~value) | value) & High) == 0;
    }

    private static string Describe(byte value) =>
        value is >= 0x21 and < 0x7F ? "'" + (char)value + "'" : "byte 0x" + value.ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>An error at the current position, with its line and column (1-based, column in bytes) for people.</summary>
    private readonly CanonicalJsonException Error(string problem)
    {
        int at = Math.Min(position, json.Length);
        var before = json[..at];
        int line = before.Count((byte)'\n') + 1;
        int column = at - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new CanonicalJsonException(
            CanonicalJsonError.InvalidJson,
            "invalid JSON at line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture) + ": " + problem,
            at);
    }
}
