using System;
using System.Runtime.CompilerServices;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>What is wrong with a number, as <see cref="JsonGrammar.Number"/> finds it.</summary>
internal enum JsonNumberProblem
{
    None,

    /// <summary>No digit where the integer part starts (after the minus sign, if any).</summary>
    NoIntegerDigit,

    /// <summary>No digit after the decimal point.</summary>
    NoFractionDigit,

    /// <summary>No digit in the exponent.</summary>
    NoExponentDigit,
}

/// <summary>
/// RFC 8259's rules for the two parts of a JSON text that are checked byte by byte, numbers and escapes, shared by the
/// canonicalizer's scanner (<see cref="JsonScanner"/>, which words what it finds wrong) and the log source records' scanner
/// (<c>RecordScanner</c>, which leaves the wording to <see cref="System.Text.Json.Utf8JsonReader"/>).
/// </summary>
internal static class JsonGrammar
{
    /// <summary>
    /// Steps <paramref name="position"/> over the number starting there, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?,
    /// up to its last digit; on a problem, it stands where the missing digit should be.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonNumberProblem Number(ReadOnlySpan<byte> json, ref int position)
    {
        if (position < json.Length && json[position] == (byte)'-')
        {
            position++;
        }

        if (position < json.Length && json[position] == (byte)'0')
        {
            position++;
        }
        else if (!Digits(json, ref position))
        {
            return JsonNumberProblem.NoIntegerDigit;
        }

        if (position < json.Length && json[position] == (byte)'.')
        {
            position++;
            if (!Digits(json, ref position))
            {
                return JsonNumberProblem.NoFractionDigit;
            }
        }

        if (position < json.Length && (json[position] | 0x20) == (byte)'e')
        {
            position++;
            if (position < json.Length && json[position] is (byte)'+' or (byte)'-')
            {
                position++;
            }

            if (!Digits(json, ref position))
            {
                return JsonNumberProblem.NoExponentDigit;
            }
        }

        return JsonNumberProblem.None;
    }

    /// <summary>
    /// The length of the escape whose backslash is at <paramref name="backslash"/>: 2 for \" \\ \/ \b \f \n \r \t, 6 for
    /// \u and four hexadecimal digits; 0 when it is none of JSON's or the text ends inside it.
    /// </summary>
    public static int EscapeLength(ReadOnlySpan<byte> json, int backslash)
    {
        if (backslash + 1 >= json.Length)
        {
            return 0;
        }

        switch (json[backslash + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u':
                if (backslash + 6 > json.Length)
                {
                    return 0;
                }

                for (int i = backslash + 2; i < backslash + 6; i++)
                {
                    if (!char.IsAsciiHexDigit((char)json[i]))
                    {
                        return 0;
                    }
                }

                return 6;
            default:
                return 0;
        }
    }

    /// <summary>Steps over a run of digits; false when there is none.</summary>
    private static bool Digits(ReadOnlySpan<byte> json, ref int position)
    {
        int start = position;
        while (position < json.Length && (uint)(json[position] - '0') <= 9)
        {
            position++;
        }

        return position > start;
    }
}
