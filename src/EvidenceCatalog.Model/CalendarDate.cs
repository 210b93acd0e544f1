using System;
using System.Globalization;

namespace EvidenceCatalog.Model;

/// <summary>A calendar date with no time or zone (netstandard2.0 has no DateOnly). Orders and prints as YYYY-MM-DD.</summary>
/// <param name="Year">The year, 1 to 9999.</param>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Day">The day of the month, 1 to 31.</param>
public readonly record struct CalendarDate(int Year, int Month, int Day) : IComparable<CalendarDate>
{
    /// <summary>Parses exactly <c>YYYY-MM-DD</c> naming a real day of the proleptic Gregorian calendar.</summary>
    public static bool TryParse(string? text, out CalendarDate date)
    {
        date = default;
        if (text is null || text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        for (int i = 0; i < 10; i++)
        {
            if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            {
                return false;
            }
        }

        int year = int.Parse(text.Substring(0, 4), CultureInfo.InvariantCulture);
        int month = int.Parse(text.Substring(5, 2), CultureInfo.InvariantCulture);
        int day = int.Parse(text.Substring(8, 2), CultureInfo.InvariantCulture);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new CalendarDate(year, month, day);
        return true;
    }

    public static CalendarDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException("'" + text + "' is not a date in the form YYYY-MM-DD.");

    public int CompareTo(CalendarDate other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    public static bool operator <(CalendarDate left, CalendarDate right) => left.CompareTo(right) < 0;

    public static bool operator >(CalendarDate left, CalendarDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(CalendarDate left, CalendarDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CalendarDate left, CalendarDate right) => left.CompareTo(right) >= 0;

    /// <summary>The same day <paramref name="months"/> months later (earlier when negative), the month's last day where it is shorter.</summary>
    public CalendarDate AddMonths(int months) => From(new DateTime(Year, Month, Day, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(months));

    /// <summary>The day <paramref name="days"/> days later (earlier when negative).</summary>
    public CalendarDate AddDays(int days) => From(new DateTime(Year, Month, Day, 0, 0, 0, DateTimeKind.Unspecified).AddDays(days));

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:D4}-{1:D2}-{2:D2}", Year, Month, Day);

    private static CalendarDate From(DateTime day) => new(day.Year, day.Month, day.Day);
}
