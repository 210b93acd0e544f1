using System;
using System.Buffers;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Reads a record's instant as its source writes it (<see cref="Model.SourceTime"/>): the first of its time fields that
/// is present and not null, in whichever declared format it is. A JSON number (or a string of digits) is an epoch
/// count in the one epoch unit declared; any other string is RFC 3339 when it has a <c>T</c> between date and time,
/// and the UTC date-time form (<c>YYYY-MM-DD HH:MM:SS[.fffffffff]</c>) when it has a space.
/// </summary>
internal sealed class SourceTimeReader
{
    /// <summary>What an epoch count written as a string is made of (made once: a search for a list of bytes given each time builds its table each time).</summary>
    private static readonly SearchValues<byte> EpochBytes = SearchValues.Create("0123456789."u8);

    private readonly int[] slots;
    private readonly string[] fields;
    private readonly TimeFormats formats;
    private readonly long ticksPerUnit;
    private readonly string declared;

    /// <exception cref="FormatException">A pointer is malformed, no format is declared, or both epoch units are.</exception>
    public SourceTimeReader(Model.SourceTime time, PointerSet pointers)
    {
        ArgumentNullException.ThrowIfNull(time);
        fields = time.Fields.ToArray();
        slots = fields.Select(f => pointers.Add(JsonPointer.Parse(f))).ToArray();
        formats = time.Formats;
        if (fields.Length == 0)
        {
            throw new FormatException("time names no field");
        }

        if (formats == TimeFormats.None)
        {
            throw new FormatException("time declares no format");
        }

        if (formats.HasFlag(TimeFormats.EpochSeconds) && formats.HasFlag(TimeFormats.EpochMilliseconds))
        {
            throw new FormatException("time declares both epoch-seconds and epoch-milliseconds; a number would be ambiguous");
        }

        ticksPerUnit = formats.HasFlag(TimeFormats.EpochSeconds) ? TimeSpan.TicksPerSecond
            : formats.HasFlag(TimeFormats.EpochMilliseconds) ? TimeSpan.TicksPerMillisecond
            : 0;
        declared = string.Join(", ", new[]
        {
            (TimeFormats.Rfc3339, "rfc3339"), (TimeFormats.EpochSeconds, "epoch-seconds"),
            (TimeFormats.EpochMilliseconds, "epoch-milliseconds"), (TimeFormats.UtcDateTime, "utc-date-time"),
        }.Where(f => formats.HasFlag(f.Item1)).Select(f => f.Item2));
    }

    /// <summary>Why the record has no instant it can be given, or null when <paramref name="utcTicks"/> holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? TryRead(SourceRecord record, out long utcTicks)
    {
        utcTicks = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (!record.Exists(slots[i]))
            {
                continue;
            }

            if (!record.TryText(slots[i], out var text) || text.IsEmpty)
            {
                return $"time {fields[i]} is {(record.TryText(slots[i], out _) ? "empty" : record.Describe(slots[i]))}, not an instant";
            }

            string? problem = Read(text, record.IsNumber(slots[i]), out utcTicks);
            return problem is null ? null : $"time {fields[i]} {FieldTest.Quote(text)}: {problem}";
        }

        return "no time: " + (fields.Length == 1 ? fields[0] + " is missing" : "none of " + string.Join(", ", fields) + " is present");
    }

    /// <summary>Reads one value: why it is no instant in a declared format, or null.</summary>
    internal string? Read(ReadOnlySpan<byte> text, bool isNumber, out long utcTicks)
    {
        utcTicks = 0;
        bool digits = text.IndexOfAnyExcept(EpochBytes) < 0 && text.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;
        if (isNumber || digits)
        {
            return ticksPerUnit == 0 ? $"an epoch count, but the source declares no epoch unit (declared: {declared})" : Epoch(text, out utcTicks);
        }

        if (text.Length > 10 && (text[10] | 0x20) == 't')
        {
            return formats.HasFlag(TimeFormats.Rfc3339) ? Rfc3339Timestamp.TryParse(text, out utcTicks) : $"RFC 3339, which the source does not declare (declared: {declared})";
        }

        if (text.Length > 10 && text[10] == ' ')
        {
            return formats.HasFlag(TimeFormats.UtcDateTime) ? UtcDateTime(text, out utcTicks) : $"a date-time without offset, which the source does not declare (declared: {declared})";
        }

        return $"in no declared format (declared: {declared})";
    }

    /// <summary>An epoch count: the JSON number's exact decimal value, so milliseconds keep their digits.</summary>
    private string? Epoch(ReadOnlySpan<byte> text, out long utcTicks)
    {
        utcTicks = 0;
        Span<char> chars = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > chars.Length)
        {
            return "an epoch count too long to be an instant";
        }

        for (int i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (!decimal.TryParse(chars[..text.Length], Number, CultureInfo.InvariantCulture, out decimal count))
        {
            // A number too large even for a decimal is still a number: far outside years 1-9999.
            return double.TryParse(chars[..text.Length], Number, CultureInfo.InvariantCulture, out _) ? "time is out of range" : "not an epoch count";
        }

        // Beyond ±10^15 units no count is within years 1-9999 in either unit, and the product below could overflow.
        if (Math.Abs(count) > 1e15m)
        {
            return "time is out of range";
        }

        decimal ticks = decimal.Truncate(count * ticksPerUnit) + DateTime.UnixEpoch.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return "time is out of range";
        }

        utcTicks = (long)ticks;
        return null;
    }

    /// <summary><c>YYYY-MM-DD HH:MM:SS[.fffffffff]</c> in UTC: read by the RFC 3339 rule (one rule for dates), as if written with T and Z.</summary>
    private static string? UtcDateTime(ReadOnlySpan<byte> text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.Length > 40 || text[^1] is (byte)'Z' or (byte)'z' || (text.Length > 19 && text[19..].IndexOfAny("+-"u8) >= 0))
        {
            return "not a UTC date-time (expected YYYY-MM-DD HH:MM:SS[.fffffffff], no offset)";
        }

        Span<byte> rfc3339 = stackalloc byte[text.Length + 1];
        text.CopyTo(rfc3339);
        rfc3339[10] = (byte)'T';
        rfc3339[^1] = (byte)'Z';
        string? problem = Rfc3339Timestamp.TryParse(rfc3339, out utcTicks);
        return problem is null || problem.Contains("does not exist", StringComparison.Ordinal) || problem.Contains("out of range", StringComparison.Ordinal)
            ? problem
            : "not a UTC date-time (expected YYYY-MM-DD HH:MM:SS[.fffffffff], no offset)";
    }
}
