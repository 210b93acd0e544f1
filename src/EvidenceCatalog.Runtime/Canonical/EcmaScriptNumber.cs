using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>JSON numbers in the form RFC 8785 prescribes: ECMAScript's Number.prototype.toString of the IEEE 754 double.</summary>
internal static class EcmaScriptNumber
{
    /// <summary>Room enough for any number this class writes ("-1.2345678901234567e-308" and "-9007199254740992" fit).</summary>
    public const int MaxLength = 32;

    /// <summary>2^53: beyond it not every integer has a double of its own.</summary>
    public const long MaxExactInteger = 9_007_199_254_740_992;

    /// <summary>
    /// Writes the literal <paramref name="literal"/> (valid JSON number syntax) canonically; returns the bytes written.
    /// Short plain integers are their own canonical form, which spares most numbers a parse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(ReadOnlySpan<byte> literal, bool integersOnly, int offset, Span<byte> destination)
    {
        if (IsShortPlainInteger(literal))
        {
            if (literal.Length == 2 && literal[0] == (byte)'-' && literal[1] == (byte)'0')
            {
                destination[0] = (byte)'0';
                return 1;
            }

            literal.CopyTo(destination);
            return literal.Length;
        }

        if (integersOnly)
        {
            if (!TryReadExactInteger(literal, out long integer))
            {
                throw new CanonicalJsonException(
                    CanonicalJsonError.NumberNotInteger,
                    "the number " + Text(literal) + " at byte " + offset.ToString(CultureInfo.InvariantCulture)
                        + " is not an integer between -2^53 and 2^53; signed data holds no floating-point numbers",
                    offset);
            }

            integer.TryFormat(destination, out int length, default, CultureInfo.InvariantCulture);
            return length;
        }

        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw new CanonicalJsonException(
                CanonicalJsonError.NumberOutOfRange,
                "the number " + Text(literal) + " at byte " + offset.ToString(CultureInfo.InvariantCulture) + " is too large for an IEEE 754 double",
                offset);
        }

        return Format(value, destination);
    }

    /// <summary>Writes a finite double as ECMAScript's Number.prototype.toString does (ECMA-262, Number::toString).</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (value == 0)
        {
            // Covers -0, which ECMAScript prints as 0.
            destination[0] = (byte)'0';
            return 1;
        }

        // .NET's round-trip format gives the shortest digits that read back as the same double; only the layout differs.
        Span<byte> roundTrip = stackalloc byte[MaxLength];
        value.TryFormat(roundTrip, out int length, "R", CultureInfo.InvariantCulture);
        roundTrip = roundTrip[..length];

        Span<byte> digits = stackalloc byte[MaxLength];
        int digitCount = 0;
        int pointPosition = -1;
        int position = roundTrip[0] == (byte)'-' ? 1 : 0;
        for (; position < roundTrip.Length && roundTrip[position] != (byte)'E'; position++)
        {
            if (roundTrip[position] == (byte)'.')
            {
                pointPosition = digitCount;
            }
            else
            {
                digits[digitCount++] = roundTrip[position];
            }
        }

        int exponent = position < roundTrip.Length ? int.Parse(roundTrip[(position + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

        // value = 0.d1d2…dk × 10^n, ECMAScript's n.
        int n = (pointPosition < 0 ? digitCount : pointPosition) + exponent;
        int leadingZeros = 0;
        while (digits[leadingZeros] == (byte)'0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..digitCount];
        n -= leadingZeros;
        int k = digits.Length;
        while (digits[k - 1] == (byte)'0')
        {
            k--;
        }

        digits = digits[..k];

        int written = 0;
        if (value < 0)
        {
            destination[written++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination[written..]);
            written += k;
            destination.Slice(written, n - k).Fill((byte)'0');
            return written + n - k;
        }

        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[written..]);
            written += n;
            destination[written++] = (byte)'.';
            digits[n..].CopyTo(destination[written..]);
            return written + k - n;
        }

        if (-6 < n && n <= 0)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, -n).Fill((byte)'0');
            written += -n;
            digits.CopyTo(destination[written..]);
            return written + k;
        }

        destination[written++] = digits[0];
        if (k > 1)
        {
            destination[written++] = (byte)'.';
            digits[1..].CopyTo(destination[written..]);
            written += k - 1;
        }

        destination[written++] = (byte)'e';
        destination[written++] = n - 1 < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(n - 1).TryFormat(destination[written..], out int exponentLength, default, CultureInfo.InvariantCulture);
        return written + exponentLength;
    }

    /// <summary>
    /// Reads <paramref name="literal"/> exactly, in decimal, as an integer with |n| ≤ 2^53; <c>1.0</c> and <c>1e2</c> qualify,
    /// <c>1.5</c>, <c>1e300</c> and <c>9007199254740993</c> do not.
    /// </summary>
    public static bool TryReadExactInteger(ReadOnlySpan<byte> literal, out long value)
    {
        value = 0;
        bool negative = literal[0] == (byte)'-';
        int position = negative ? 1 : 0;
        int integerStart = position;
        while (position < literal.Length && char.IsAsciiDigit((char)literal[position]))
        {
            position++;
        }

        var integerDigits = literal[integerStart..position];
        var fractionDigits = ReadOnlySpan<byte>.Empty;
        if (position < literal.Length && literal[position] == (byte)'.')
        {
            int fractionStart = ++position;
            while (position < literal.Length && char.IsAsciiDigit((char)literal[position]))
            {
                position++;
            }

            fractionDigits = literal[fractionStart..position];
        }

        long exponent = 0;
        if (position < literal.Length)
        {
            position++;
            bool negativeExponent = literal[position] == (byte)'-';
            if (literal[position] is (byte)'-' or (byte)'+')
            {
                position++;
            }

            for (; position < literal.Length; position++)
            {
                // Saturate: any exponent beyond this already decides the answer.
                exponent = Math.Min((exponent * 10) + (literal[position] - '0'), 100_000);
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        // The value is the significant digits of integer and fraction together, times 10^scale.
        var integerPart = integerDigits.TrimStart((byte)'0');
        var fractionPart = fractionDigits.TrimEnd((byte)'0');
        long scale = exponent - fractionPart.Length;
        if (fractionPart.IsEmpty)
        {
            var trimmed = integerPart.TrimEnd((byte)'0');
            scale += integerPart.Length - trimmed.Length;
            integerPart = trimmed;
        }
        else if (integerPart.IsEmpty)
        {
            fractionPart = fractionPart.TrimStart((byte)'0');
        }

        if (integerPart.IsEmpty && fractionPart.IsEmpty)
        {
            return true;
        }

        if (scale < 0 || integerPart.Length + fractionPart.Length + scale > 16)
        {
            return false;
        }

        ulong magnitude = Accumulate(Accumulate(0, integerPart), fractionPart);
        for (long zeros = 0; zeros < scale; zeros++)
        {
            magnitude *= 10;
        }

        if (magnitude > MaxExactInteger)
        {
            return false;
        }

        value = negative ? -(long)magnitude : (long)magnitude;
        return true;
    }

    private static ulong Accumulate(ulong value, ReadOnlySpan<byte> digits)
    {
        foreach (byte digit in digits)
        {
            value = (value * 10) + (ulong)(digit - '0');
        }

        return value;
    }

    /// <summary>At most 15 digits: every such integer is a double printed as itself.</summary>
    private static bool IsShortPlainInteger(ReadOnlySpan<byte> literal)
    {
        int first = literal[0] == (byte)'-' ? 1 : 0;
        if (literal.Length - first > 15)
        {
            return false;
        }

        for (int index = first; index < literal.Length; index++)
        {
            if ((uint)(literal[index] - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(ReadOnlySpan<byte> literal) =>
        literal.Length <= 40 ? System.Text.Encoding.UTF8.GetString(literal) : System.Text.Encoding.UTF8.GetString(literal[..40]) + "…";
}
