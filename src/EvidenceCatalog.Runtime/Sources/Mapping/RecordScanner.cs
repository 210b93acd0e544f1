using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// A strict JSON (RFC 8259) scanner over one record for the pointer walk's fast path (<see cref="PointerSet"/>): it
/// accepts only text <see cref="System.Text.Json.Utf8JsonReader"/> accepts too, and stops (returns false) at anything
/// else, including some valid text it leaves to the reader (nesting near the depth limit). It words no error: where it
/// stops, the walk is made again with the reader, whose result and message stand. What it saves is the reader's work per
/// token: strings are crossed 32 bytes at a time and values no pointer enters are checked without being handed out.
/// </summary>
internal ref struct RecordScanner
{
    private readonly ReadOnlySpan<byte> json;
    private readonly int maxDepth;
    private int position;
    private bool nonAscii;

    /// <param name="json">The record.</param>
    /// <param name="maxDepth">Containers open at once stay below this (the reader's limit), else the scan stops.</param>
    public RecordScanner(ReadOnlySpan<byte> json, int maxDepth)
    {
        this.json = json;
        this.maxDepth = maxDepth;
        position = 0;
    }

    /// <summary>Where the scan stands: the byte it reads next.</summary>
    public readonly int Position => position;

    /// <summary>
    /// Whether a string crossed so far has a byte above ASCII. Outside strings the scanner takes ASCII alone, so a record
    /// it takes whole without one is ASCII, and valid UTF-8 without a check of its own.
    /// </summary>
    public readonly bool SawNonAscii => nonAscii;

    /// <summary>The byte at <see cref="Position"/>, or 0 at the end (never a byte that starts or continues a value there).</summary>
    public readonly byte Current => position < json.Length ? json[position] : (byte)0;

    /// <summary>Whether <paramref name="depth"/> containers may be open at once (fewer than the reader's limit).</summary>
    public readonly bool Allows(int depth) => depth < maxDepth;

    /// <summary>Whether only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return position == json.Length;
    }

    /// <summary>Steps over the byte at <see cref="Position"/> (a bracket the caller has looked at).</summary>
    public void Advance() => position++;

    /// <summary>Steps over whitespace (space, tab, line feed, carriage return: JSON's four).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipWhitespace()
    {
        while (position < json.Length)
        {
            byte b = json[position];
            if (b > (byte)' ' || (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t'))
            {
                return;
            }

            position++;
        }
    }

    /// <summary>After whitespace, the byte there (0 at the end), stepped over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Next()
    {
        SkipWhitespace();
        return position < json.Length ? json[position++] : (byte)0;
    }

    /// <summary>
    /// A member name at <see cref="Position"/> (after whitespace), its colon and the whitespace after it: where the name's
    /// text starts (after its quote), how long it is as written, and whether it has escapes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Name(out int start, out int length, out bool escaped)
    {
        SkipWhitespace();
        if (Current != (byte)'"')
        {
            start = length = 0;
            escaped = false;
            return false;
        }

        position++;
        start = position;
        if (!String(out escaped))
        {
            length = 0;
            return false;
        }

        length = position - 1 - start;
        if (Next() != (byte)':')
        {
            return false;
        }

        SkipWhitespace();
        return true;
    }

    /// <summary>
    /// The scalar at <see cref="Position"/> (a string, number or literal), stepped over: where it starts (a string's
    /// first byte after its quote), its length as written, its kind, and whether a string has escapes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Scalar(out FoundValue value)
    {
        int start = position;
        value = FoundValue.Absent;
        switch (Current)
        {
            case (byte)'"':
                position++;
                if (!String(out bool escaped))
                {
                    return false;
                }

                value = FoundValue.Of(start + 1, position - start - 2, Canonical.JsonTokenKind.String, escaped);
                return true;
            case (byte)'t':
                return Literal("true"u8, Canonical.JsonTokenKind.True, out value);
            case (byte)'f':
                return Literal("false"u8, Canonical.JsonTokenKind.False, out value);
            case (byte)'n':
                return Literal("null"u8, Canonical.JsonTokenKind.Null, out value);
            default:
                if (!Number())
                {
                    return false;
                }

                value = FoundValue.Of(start, position - start, Canonical.JsonTokenKind.Number, escaped: false);
                return true;
        }
    }

    /// <summary>
    /// Steps over the value at <see cref="Position"/>, whatever it is, checking all of it. <paramref name="depth"/>: the
    /// containers already open around it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool SkipValue(int depth)
    {
        byte first = Current;
        if (first != (byte)'{' && first != (byte)'[')
        {
            return Scalar(out _);
        }

        // The containers opened here, innermost in bit 0: 1 for an object, 0 for an array.
        ulong objects = 0;
        int open = 0;
        int limit = Math.Min(maxDepth - depth, 63);
        while (true)
        {
            // At a value: open a container, or step over a scalar.
            byte c = Current;
            if (c == (byte)'{' || c == (byte)'[')
            {
                if (++open >= limit)
                {
                    return false;
                }

                position++;
                bool isObject = c == (byte)'{';
                objects = (objects << 1) | (isObject ? 1UL : 0UL);
                SkipWhitespace();
                if (Current == (isObject ? (byte)'}' : (byte)']'))
                {
                    position++;
                    objects >>= 1;
                    if (--open == 0)
                    {
                        return true;
                    }
                }
                else
                {
                    if (isObject && !Name(out _, out _, out _))
                    {
                        return false;
                    }

                    continue;
                }
            }
            else if (!Scalar(out _))
            {
                return false;
            }

            // After a value: a comma and the next member or element, or the container's end (perhaps several).
            while (true)
            {
                byte after = Next();
                bool inObject = (objects & 1) != 0;
                if (after == (byte)',')
                {
                    if (inObject && !Name(out _, out _, out _))
                    {
                        return false;
                    }

                    SkipWhitespace();
                    break;
                }

                if (after != (inObject ? (byte)'}' : (byte)']'))
                {
                    return false;
                }

                objects >>= 1;
                if (--open == 0)
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Steps over a string's text and closing quote (the opening quote is behind).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool String(out bool escaped)
    {
        escaped = false;
        while (true)
        {
            int stop = Special(json, position, stopAtNonAscii: !nonAscii);
            if (stop < 0)
            {
                return false;
            }

            byte b = json[stop];
            position = stop + 1;
            if (b == (byte)'"')
            {
                return true;
            }

            if (b >= 0x80)
            {
                // Noted once; the rest of the record is crossed without stopping at such bytes.
                nonAscii = true;
                continue;
            }

            if (b != (byte)'\\' || !Escape())
            {
                // A control character (unescaped below U+0020), or a malformed escape.
                return false;
            }

            escaped = true;
        }
    }

    /// <summary>The escape after a backslash (stepped over): one of JSON's nine, \u with four hex digits.</summary>
    private bool Escape()
    {
        int length = Canonical.JsonGrammar.EscapeLength(json, position - 1);
        position += length - 1;
        return length > 0;
    }

    /// <summary>A number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private bool Number() => Canonical.JsonGrammar.Number(json, ref position) == Canonical.JsonNumberProblem.None;

    private bool Literal(ReadOnlySpan<byte> word, Canonical.JsonTokenKind kind, out FoundValue value)
    {
        int start = position;
        if (!json[position..].StartsWith(word))
        {
            value = FoundValue.Absent;
            return false;
        }

        position += word.Length;
        value = FoundValue.Of(start, word.Length, kind, escaped: false);
        return true;
    }

    /// <summary>The first quote, backslash or control character at or after <paramref name="from"/> (or byte above ASCII, when <paramref name="stopAtNonAscii"/>), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Special(ReadOnlySpan<byte> json, int from, bool stopAtNonAscii)
    {
        int i = from;
        ref byte start = ref MemoryMarshal.GetReference(json);
        uint high = stopAtNonAscii ? uint.MaxValue : 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            var space = Vector256.Create((byte)' ');
            for (; i <= json.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var bytes = Vector256.LoadUnsafe(ref start, (nuint)i);
                uint found = (Vector256.Equals(bytes, quote) | Vector256.Equals(bytes, backslash) | Vector256.LessThan(bytes, space)).ExtractMostSignificantBits()
                    | (bytes.ExtractMostSignificantBits() & high);
                if (found != 0)
                {
                    return i + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)' ');
            for (; i <= json.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref start, (nuint)i);
                uint found = (Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash) | Vector128.LessThan(bytes, space)).ExtractMostSignificantBits()
                    | (bytes.ExtractMostSignificantBits() & high);
                if (found != 0)
                {
                    return i + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        for (; i < json.Length; i++)
        {
            byte b = json[i];
            if (b == (byte)'"' || b == (byte)'\\' || b < (byte)' ' || (b >= 0x80 && stopAtNonAscii))
            {
                return i;
            }
        }

        return -1;
    }
}
