using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>Parses RFC 3339 date-times from UTF-8 without allocating; an offset (<c>Z</c> or <c>±hh:mm</c>) is required.</summary>
internal static class Rfc3339Timestamp
{
    /// <summary>Why the text is not a timestamp with an offset, or null when <paramref name="utcTicks"/> holds it.</summary>
    public static string? TryParse(ReadOnlySpan<byte> text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.Length < 19 || !Digits(text, 0, 4, out int year) || text[4] != '-' || !Digits(text, 5, 2, out int month) || text[7] != '-'
            || !Digits(text, 8, 2, out int day) || (text[10] | 0x20) != 't' || !Digits(text, 11, 2, out int hour) || text[13] != ':'
            || !Digits(text, 14, 2, out int minute) || text[16] != ':' || !Digits(text, 17, 2, out int second))
        {
            return "time is not an RFC 3339 timestamp (expected YYYY-MM-DDThh:mm:ss[.fff]Z or ±hh:mm)";
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return "time names a date or time of day that does not exist";
        }

        int position = 19;
        long fraction = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            int digits = 0;
            long scale = TimeSpan.TicksPerSecond;
            while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            {
                scale /= 10;
                fraction += (text[position] - '0') * scale;
                position++;
                digits++;
            }

            if (digits == 0)
            {
                return "time has a decimal point with no digits after it";
            }
        }

        long offsetTicks;
        if (position == text.Length)
        {
            return "time has no offset; add Z (UTC) or ±hh:mm so the instant is unambiguous";
        }

        if ((text[position] | 0x20) == 'z' && position + 1 == text.Length)
        {
            offsetTicks = 0;
        }
        else if ((text[position] == '+' || text[position] == '-') && position + 6 == text.Length && Digits(text, position + 1, 2, out int offsetHours)
            && text[position + 3] == ':' && Digits(text, position + 4, 2, out int offsetMinutes) && offsetHours <= 23 && offsetMinutes <= 59)
        {
            offsetTicks = (offsetHours * 60L + offsetMinutes) * TimeSpan.TicksPerMinute * (text[position] == '-' ? -1 : 1);
        }
        else
        {
            return "time has a malformed offset (expected Z or ±hh:mm)";
        }

        long local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        utcTicks = local - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return "time is out of range";
        }

        return null;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            int digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
