using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>The text of JSON strings and member names: resolving escapes, checking UTF-8, and ordering by UTF-16 code units.</summary>
internal static class JsonStringText
{
    /// <summary>What RFC 8785 escapes: the controls, the quote and the backslash; nothing else.</summary>
    private static readonly SearchValues<byte> MustEscape = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
         (byte)'"', (byte)'\\']);

    /// <summary>Checks the raw bytes are UTF-8; the reader does not, and a signature must never cover undecodable text.</summary>
    public static void CheckUtf8(ReadOnlySpan<byte> raw, int offset)
    {
        if (!Utf8.IsValid(raw))
        {
            throw new CanonicalJsonException(CanonicalJsonError.InvalidJson, "invalid JSON: the string at byte " + Invariant(offset) + " is not valid UTF-8", offset);
        }
    }

    /// <summary>
    /// Resolves the escapes of <paramref name="raw"/> (already checked by the reader) into UTF-8 in <paramref name="destination"/>,
    /// which needs no more room than <paramref name="raw"/> because every escape is longer than what it stands for.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination, int offset)
    {
        int read = 0;
        int written = 0;
        while (read < raw.Length)
        {
            int run = raw[read..].IndexOf((byte)'\\');
            if (run < 0)
            {
                run = raw.Length - read;
            }

            raw.Slice(read, run).CopyTo(destination[written..]);
            read += run;
            written += run;
            if (read == raw.Length)
            {
                break;
            }

            byte escape = raw[read + 1];
            read += 2;
            switch (escape)
            {
                case (byte)'b': destination[written++] = 0x08; break;
                case (byte)'f': destination[written++] = 0x0C; break;
                case (byte)'n': destination[written++] = 0x0A; break;
                case (byte)'r': destination[written++] = 0x0D; break;
                case (byte)'t': destination[written++] = 0x09; break;
                case (byte)'u':
                    int codePoint = Hex4(raw.Slice(read, 4));
                    read += 4;
                    if (char.IsLowSurrogate((char)codePoint))
                    {
                        throw LoneSurrogate(codePoint, offset);
                    }

                    if (char.IsHighSurrogate((char)codePoint))
                    {
                        if (read + 6 > raw.Length || raw[read] != (byte)'\\' || raw[read + 1] != (byte)'u'
                            || !char.IsLowSurrogate((char)Hex4(raw.Slice(read + 2, 4))))
                        {
                            throw LoneSurrogate(codePoint, offset);
                        }

                        codePoint = char.ConvertToUtf32((char)codePoint, (char)Hex4(raw.Slice(read + 2, 4)));
                        read += 6;
                    }

                    written += new Rune(codePoint).EncodeToUtf8(destination[written..]);
                    break;
                default:
                    // The reader allows only \" \\ \/ besides the above.
                    destination[written++] = escape;
                    break;
            }
        }

        return written;
    }

    /// <summary>Number of bytes <see cref="WriteCanonical"/> needs at most for text of <paramref name="textLength"/> bytes, quotes included.</summary>
    public static int MaxCanonicalLength(int textLength) => checked((textLength * 6) + 2);

    /// <summary>Writes unescaped UTF-8 <paramref name="text"/> as a canonical JSON string (quotes included); returns the bytes written.</summary>
    public static int WriteCanonical(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        int written = 0;
        destination[written++] = (byte)'"';
        while (true)
        {
            int run = text.IndexOfAny(MustEscape);
            if (run < 0)
            {
                text.CopyTo(destination[written..]);
                written += text.Length;
                break;
            }

            text[..run].CopyTo(destination[written..]);
            written += run;
            written += WriteEscape(text[run], destination[written..]);
            text = text[(run + 1)..];
        }

        destination[written++] = (byte)'"';
        return written;
    }

    /// <summary>
    /// Compares two UTF-8 strings in the order of their UTF-16 code units (RFC 8785 member order). UTF-8 byte order is code
    /// point order, which differs from UTF-16 order only between U+E000..U+FFFF (lead byte EE, EF) and supplementary
    /// characters (lead byte F0..F4, UTF-16 surrogates D800..DBFF, which sort first).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CompareAsUtf16(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        // A plain loop: names are short, and a call into a vectorised search costs more than it saves on them.
        int shorter = Math.Min(left.Length, right.Length);
        int common = 0;
        while (common < shorter && left[common] == right[common])
        {
            common++;
        }

        if (common == shorter)
        {
            return left.Length - right.Length;
        }

        byte a = left[common];
        byte b = right[common];
        if (a >= 0xEE && b >= 0xEE && (a >= 0xF0) != (b >= 0xF0))
        {
            return a >= 0xF0 ? -1 : 1;
        }

        return a - b;
    }

    /// <summary>Whether the member name of <paramref name="token"/> equals <paramref name="utf8Name"/> once unescaped.</summary>
    public static bool NameEquals(ReadOnlySpan<byte> json, in JsonToken token, ReadOnlySpan<byte> utf8Name)
    {
        var raw = json.Slice(token.Start, token.Extent);
        if (!token.Escaped)
        {
            return raw.SequenceEqual(utf8Name);
        }

        if (raw.Length < utf8Name.Length)
        {
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            int length = Unescape(raw, buffer, token.Start);
            return buffer.AsSpan(0, length).SequenceEqual(utf8Name);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int WriteEscape(byte value, Span<byte> destination)
    {
        byte shortForm = value switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            0x08 => (byte)'b',
            0x09 => (byte)'t',
            0x0A => (byte)'n',
            0x0C => (byte)'f',
            0x0D => (byte)'r',
            _ => 0,
        };

        destination[0] = (byte)'\\';
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }

        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = LowerHex[value >> 4];
        destination[5] = LowerHex[value & 0xF];
        return 6;
    }

    private static ReadOnlySpan<byte> LowerHex => "0123456789abcdef"u8;

    private static int Hex4(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte digit in digits)
        {
            value = (value << 4) | digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                _ => digit - 'A' + 10,
            };
        }

        return value;
    }

    private static CanonicalJsonException LoneSurrogate(int codeUnit, int offset) => new(
        CanonicalJsonError.LoneSurrogate,
        "the string at byte " + Invariant(offset) + " holds \\u" + codeUnit.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
            + ", half of a UTF-16 surrogate pair without its other half; such a string has no Unicode text to sign",
        offset);

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
