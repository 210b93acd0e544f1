using System;
using System.Collections.Generic;
using System.Globalization;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// One period of a cadence that overlaps a report's window: its label (<c>2026-02-14</c>, <c>2026-W05</c>,
/// <c>2026-02</c>, <c>2026-Q1</c>, <c>2026</c>), its whole span of calendar days, and the window days it covers.
/// </summary>
/// <param name="Label">How the report names the period.</param>
/// <param name="Start">The period's first calendar day, which may lie before the window.</param>
/// <param name="End">The period's last calendar day, which may lie after the window.</param>
/// <param name="FirstDay">The first window day (0 is <see cref="ReportWindow.From"/>) of the period inside the window.</param>
/// <param name="LastDay">The last window day of the period inside the window, inclusive.</param>
/// <param name="Required">
/// True when the control must operate in the period: at least half of its days lie in the window. Never for the one
/// period of an on-occurrence control.
/// </param>
public sealed record CadencePeriod(string Label, CalendarDate Start, CalendarDate End, int FirstDay, int LastDay, bool Required)
{
    /// <summary>Days of the period inside the window.</summary>
    public int DaysInWindow => LastDay - FirstDay + 1;
}

/// <summary>
/// The periods each cadence divides a window into, in the window's time zone: continuous and daily every calendar day,
/// weekly every ISO 8601 week (Monday to Sunday, numbered in its ISO year, so 2027-01-01 lies in 2026-W53), monthly every
/// calendar month, quarterly every calendar quarter, annually every calendar year; an on-occurrence control has the whole
/// window as its one period, never required. Periods are made of the window's days, so they start and end at local
/// midnight whatever the daylight-saving changes, and whether a period is required is counted in days, not hours.
/// </summary>
public static class CadencePeriods
{
    /// <summary>What the periods of a cadence are called in the report: <c>day</c>, <c>iso-week</c>, <c>month</c>, <c>quarter</c>, <c>year</c>, <c>window</c>.</summary>
    public static string KindOf(Cadence cadence) => cadence switch
    {
        Cadence.Continuous or Cadence.Daily => "day",
        Cadence.Weekly => "iso-week",
        Cadence.Monthly => "month",
        Cadence.Quarterly => "quarter",
        Cadence.Annually => "year",
        _ => "window",
    };

    /// <summary>The periods of <paramref name="cadence"/> that overlap the window, earliest first.</summary>
    public static IReadOnlyList<CadencePeriod> Of(ReportWindow window, Cadence cadence)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (cadence == Cadence.OnOccurrence)
        {
            return [new CadencePeriod(window.From + ".." + window.To, window.From, window.To, 0, window.Days - 1, Required: false)];
        }

        var periods = new List<CadencePeriod>();
        var from = ReportWindow.ToDateTime(window.From);
        int first = 0;
        var (label, start, end) = PeriodOf(from, cadence);
        for (int day = 1; day <= window.Days; day++)
        {
            var next = day < window.Days ? PeriodOf(from.AddDays(day), cadence) : default;
            if (day < window.Days && next.Label == label)
            {
                continue;
            }

            int length = (int)(end - start).TotalDays + 1;
            int inWindow = day - first;
            periods.Add(new CadencePeriod(label, ReportWindow.FromDateTime(start), ReportWindow.FromDateTime(end), first, day - 1, Required: 2 * inWindow >= length));
            (label, start, end) = next;
            first = day;
        }

        return periods;
    }

    /// <summary>The label and the first and last day of the period of <paramref name="cadence"/> holding <paramref name="date"/>.</summary>
    private static (string Label, DateTime Start, DateTime End) PeriodOf(DateTime date, Cadence cadence)
    {
        switch (cadence)
        {
            case Cadence.Weekly:
                int isoYear = ISOWeek.GetYear(date);
                int week = ISOWeek.GetWeekOfYear(date);
                var monday = ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday);
                return (string.Create(CultureInfo.InvariantCulture, $"{isoYear:D4}-W{week:D2}"), monday, monday.AddDays(6));
            case Cadence.Monthly:
                var month = new DateTime(date.Year, date.Month, 1);
                return (string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}"), month, month.AddMonths(1).AddDays(-1));
            case Cadence.Quarterly:
                int quarter = ((date.Month - 1) / 3) + 1;
                var quarterStart = new DateTime(date.Year, (3 * quarter) - 2, 1);
                return (string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-Q{quarter}"), quarterStart, quarterStart.AddMonths(3).AddDays(-1));
            case Cadence.Annually:
                return (date.Year.ToString("D4", CultureInfo.InvariantCulture), new DateTime(date.Year, 1, 1), new DateTime(date.Year, 12, 31));
            default:
                return (ReportWindow.FromDateTime(date).ToString(), date, date);
        }
    }
}
