using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>
/// A control's calendar of daily evidence: one column per week (Monday first), one cell per day of the window, shaded in
/// five levels (none, then the quartiles of the control's own non-zero days), with the days of its exceptions (or, in
/// a report without an operating test, of its coverage gaps) outlined and hatched.
/// </summary>
internal static class HeatMap
{
    private static readonly string[] Weekdays = ["Mon", "", "Wed", "", "Fri", "", "Sun"];

    /// <param name="html">Where to write.</param>
    /// <param name="controlId">For the table's label.</param>
    /// <param name="daily">Evidence per day of the window, by date.</param>
    /// <param name="marked">The days to mark, with why.</param>
    /// <param name="markName">What a marked day is (<c>exception</c>, <c>gap</c>).</param>
    public static void Write(HtmlBuilder html, string controlId, IReadOnlyList<(DateOnly Day, long Count)> daily, IReadOnlyDictionary<DateOnly, string> marked, string markName)
    {
        if (daily.Count == 0)
        {
            html.Raw("<p class=\"muted\">No daily counts in the report.</p>");
            return;
        }

        var thresholds = Quartiles(daily.Where(d => d.Count > 0).Select(d => d.Count).ToList());
        var counts = daily.ToDictionary(d => d.Day, d => d.Count);
        var first = daily[0].Day;
        var last = daily[^1].Day;
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        int weeks = ((last.DayNumber - start.DayNumber) / 7) + 1;

        html.Raw("<table class=\"heat\"").Attribute("aria-label", "Daily evidence of " + controlId).Attribute("data-control", controlId).Raw("><thead><tr><th></th>");
        for (int week = 0; week < weeks; week++)
        {
            var monday = start.AddDays(7 * week);
            bool newMonth = week == 0 || Enumerable.Range(0, 7).Any(offset => monday.AddDays(offset).Day == 1);
            var labelDay = week == 0 ? first : Enumerable.Range(0, 7).Select(offset => monday.AddDays(offset)).FirstOrDefault(d => d.Day == 1, monday);
            html.Raw("<th class=\"month\">").Text(newMonth ? labelDay.ToString("MMM", CultureInfo.InvariantCulture) : string.Empty).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>\n");
        for (int weekday = 0; weekday < 7; weekday++)
        {
            html.Raw("<tr><th class=\"weekday\">").Text(Weekdays[weekday]).Raw("</th>");
            for (int week = 0; week < weeks; week++)
            {
                var day = start.AddDays((7 * week) + weekday);
                if (!counts.TryGetValue(day, out long count))
                {
                    html.Raw("<td class=\"out\"></td>");
                    continue;
                }

                string date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                bool mark = marked.TryGetValue(day, out string? why);
                string title = date + ": " + count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " evidence event" : " evidence events")
                    + (mark ? " (" + markName + ": " + why + ")" : string.Empty);
                html.Raw("<td class=\"d l").Raw(Level(count, thresholds).ToString(CultureInfo.InvariantCulture)).Raw(mark ? " x" : string.Empty).Raw("\"")
                    .Attribute("data-date", date).Attribute("title", title).Raw("></td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n<div class=\"legend\">none <span class=\"sw l0\"></span> fewer <span class=\"sw l1\"></span><span class=\"sw l2\"></span>")
            .Raw("<span class=\"sw l3\"></span><span class=\"sw l4\"></span> more &nbsp; <span class=\"sw x\"></span> ").Text(markName).Raw("</div>\n");
    }

    /// <summary>The upper bounds of levels 1 to 3: the quartiles of the non-zero counts, in integers.</summary>
    private static long[] Quartiles(List<long> counts)
    {
        if (counts.Count == 0)
        {
            return [0, 0, 0];
        }

        counts.Sort();
        return [counts[(counts.Count - 1) / 4], counts[(counts.Count - 1) / 2], counts[3 * (counts.Count - 1) / 4]];
    }

    /// <remarks>Counts with no spread (one backup a day) are all shown at level 3: evidence, not "fewer".</remarks>
    private static int Level(long count, long[] thresholds) =>
        count == 0 ? 0
        : thresholds[0] == thresholds[2] && count == thresholds[2] ? 3
        : count <= thresholds[0] ? 1 : count <= thresholds[1] ? 2 : count <= thresholds[2] ? 3 : 4;
}
