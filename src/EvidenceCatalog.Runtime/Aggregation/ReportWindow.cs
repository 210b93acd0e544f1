using System;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// The report's calendar days in a time zone, as UTC instants where each local day starts — so a day of 23 or 25 hours
/// (a daylight-saving change) is exactly as long as it is on the clock. The tally also covers the days before
/// <see cref="From"/> that the 30-day audit-log summary ending on <see cref="To"/> needs.
/// </summary>
public sealed class ReportWindow
{
    /// <summary>Days the audit-log summary covers, ending on the window's last day.</summary>
    public const int AuditLogDays = 30;

    /// <summary>The longest window a report accepts (ten years): bounds memory, which grows with controls × days.</summary>
    public const int MaxDays = 3660;

    /// <summary>
    /// The earliest first day a window may have. The clock's instants start at 0001-01-01; a year of room leaves the
    /// audit-log days before the window and any time zone's offset inside that range.
    /// </summary>
    public static readonly CalendarDate Earliest = new(2, 1, 1);

    /// <summary>The latest last day a window may have: a year of room before the clock's end (9999-12-31), for the same reasons.</summary>
    public static readonly CalendarDate Latest = new(9998, 12, 31);

    private readonly long[] dayStartsUtc;

    /// <exception cref="ArgumentException">The dates cannot make a window (see <see cref="Problem"/>).</exception>
    public ReportWindow(CalendarDate from, CalendarDate to, TimeZoneInfo timeZone)
    {
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        if (Problem(from, to) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        From = from;
        To = to;
        var fromDate = ToDateTime(from);
        var toDate = ToDateTime(to);
        Days = (int)(toDate - fromDate).TotalDays + 1;

        var first = fromDate < toDate.AddDays(1 - AuditLogDays) ? fromDate : toDate.AddDays(1 - AuditLogDays);
        FirstDay = FromDateTime(first);
        TotalDays = (int)(toDate - first).TotalDays + 1;
        WindowOffset = TotalDays - Days;
        AuditOffset = TotalDays - AuditLogDays;
        dayStartsUtc = new long[TotalDays + 1];
        for (int i = 0; i <= TotalDays; i++)
        {
            dayStartsUtc[i] = LocalMidnightUtc(first.AddDays(i), timeZone).Ticks;
        }
    }

    public CalendarDate From { get; }

    /// <summary>
    /// Why <paramref name="from"/>..<paramref name="to"/> cannot be a window (it ends before it starts, lies outside
    /// <see cref="Earliest"/>..<see cref="Latest"/>, or is longer than <see cref="MaxDays"/>), or null.
    /// </summary>
    public static string? Problem(CalendarDate from, CalendarDate to)
    {
        if (to < from)
        {
            return $"the window ends ({to}) before it starts ({from})";
        }

        if (from < Earliest || to > Latest)
        {
            return $"the window {from}..{to} is outside the dates a report can cover: its days must lie between {Earliest} and {Latest}";
        }

        int days = (int)(ToDateTime(to) - ToDateTime(from)).TotalDays + 1;
        return days > MaxDays ? $"the window is {days} days; at most {MaxDays} are allowed" : null;
    }

    public CalendarDate To { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Days in the window, <see cref="From"/> to <see cref="To"/> inclusive.</summary>
    public int Days { get; }

    /// <summary>First day the tally covers: the earlier of <see cref="From"/> and 29 days before <see cref="To"/>.</summary>
    public CalendarDate FirstDay { get; }

    /// <summary>Days the tally covers.</summary>
    public int TotalDays { get; }

    /// <summary>Tally index of <see cref="From"/>.</summary>
    public int WindowOffset { get; }

    /// <summary>Tally index of the first day of the audit-log summary.</summary>
    public int AuditOffset { get; }

    /// <summary>The instant the window starts (local midnight of <see cref="From"/>, in UTC).</summary>
    public DateTimeOffset StartUtc => new(dayStartsUtc[WindowOffset], TimeSpan.Zero);

    /// <summary>The instant after the window ends (local midnight after <see cref="To"/>, in UTC).</summary>
    public DateTimeOffset EndUtc => new(dayStartsUtc[TotalDays], TimeSpan.Zero);

    /// <summary>The UTC instant tally day <paramref name="day"/> starts (day <see cref="TotalDays"/> is the end).</summary>
    public DateTimeOffset DayStartUtc(int day) => new(dayStartsUtc[day], TimeSpan.Zero);

    /// <summary>The calendar date of tally day <paramref name="day"/>.</summary>
    public CalendarDate DateOf(int day) => FromDateTime(ToDateTime(FirstDay).AddDays(day));

    /// <summary>Tally day of an instant given as UTC ticks, or -1 outside the covered days.</summary>
    public int DayOf(long utcTicks)
    {
        int hint = 0;
        return DayOf(utcTicks, ref hint);
    }

    /// <summary>As <see cref="DayOf(long)"/>, starting from the day found last time: fast when instants arrive in order.</summary>
    public int DayOf(long utcTicks, ref int hint)
    {
        int day = hint;
        if (utcTicks >= dayStartsUtc[day] && utcTicks < dayStartsUtc[day + 1])
        {
            return day;
        }

        if (utcTicks < dayStartsUtc[0] || utcTicks >= dayStartsUtc[TotalDays])
        {
            return -1;
        }

        int found = Array.BinarySearch(dayStartsUtc, utcTicks);
        day = found >= 0 ? found : ~found - 1;
        hint = day;
        return day;
    }

    internal static DateTime ToDateTime(CalendarDate date) => new(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Unspecified);

    internal static CalendarDate FromDateTime(DateTime date) => new(date.Year, date.Month, date.Day);

    /// <summary>The earliest instant whose local date is <paramref name="date"/>: midnight, or the end of a gap that skips it.</summary>
    private static DateTime LocalMidnightUtc(DateTime date, TimeZoneInfo zone)
    {
        var local = date;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var largest = offsets[0] > offsets[1] ? offsets[0] : offsets[1];
            return DateTime.SpecifyKind(local - largest, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
