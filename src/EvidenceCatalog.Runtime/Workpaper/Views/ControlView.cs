using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>
/// One page per control: what it is, its summary and operating test (when the report has one), the calendar of its
/// daily evidence, its outcomes and its sample events (the report's <c>samples</c> when it has them, else the control's
/// <c>sampleEvents</c>).
/// </summary>
internal static class ControlView
{
    public static void WriteAll(HtmlBuilder html, JsonElement report)
    {
        var controls = report.Members("controls");
        var samples = report.Object("samples");
        html.Raw("<section id=\"controls\">\n<h2>Controls</h2>\n<p>").Number(controls.Count)
            .Raw(" controls, each on a page of its own when printed.</p>\n<table><thead><tr><th>Control</th><th>Name</th><th>Cadence</th>")
            .Raw("<th class=\"num\">Evidence</th><th class=\"num\">Days with evidence</th><th>Verdict</th></tr></thead><tbody>\n");
        foreach (var control in controls)
        {
            var coverage = control.Value.Object("coverage") ?? default;
            html.Raw("<tr><td>");
            CriteriaView.ControlLinks(html, [control.Name]);
            html.Raw("</td><td>").Text(control.Value.String("name")).Raw("</td><td>").Text(control.Value.String("cadence")).Raw("</td>")
                .NumberCell(control.Value.Integer("evidenceCount") ?? 0).Raw("<td class=\"num\">").Number(coverage.Integer("daysWithEvidence") ?? 0)
                .Raw(" / ").Number(coverage.Integer("days") ?? 0).Raw("</td><td>");
            if (control.Value.Object("operation")?.String("verdict") is { } verdict)
            {
                CriteriaView.Status(html, verdict);
            }
            else
            {
                html.Text(coverage.Items("gaps").Count == 0 ? "no gaps" : coverage.Items("gaps").Count.ToString(CultureInfo.InvariantCulture) + " gap(s)");
            }

            html.Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n</section>\n");
        foreach (var control in controls)
        {
            Write(html, control.Name, control.Value, samples?.Object("controls")?.Object(control.Name));
        }
    }

    private static void Write(HtmlBuilder html, string id, JsonElement control, JsonElement? sample)
    {
        html.Raw("<section class=\"control\"").Attribute("id", "control-" + id).Attribute("data-control", id).Raw(">\n<h2>").Text(id).Raw(" · ").Text(control.String("name")).Raw("</h2>\n");
        html.Raw("<p class=\"muted\">Owner ").Text(control.String("owner")).Raw(" · cadence ").Text(control.String("cadence")).Raw(" · criteria ")
            .Text(string.Join(", ", control.Strings("criteria")));
        if (control.Boolean("inScope") is { } inScope)
        {
            html.Raw(" · ").Raw(inScope ? "in scope" : "out of scope");
        }

        html.Raw("</p>\n<p>").Text(control.String("description")).Raw("</p>\n<p><strong>").Text(control.String("summary")).Raw("</strong></p>\n");

        var coverage = control.Object("coverage") ?? default;
        var marked = new Dictionary<DateOnly, string>();
        string markName = "gap";
        if (control.Object("operation") is { } operation)
        {
            markName = "exception";
            WriteOperation(html, operation, marked);
        }
        else
        {
            foreach (var gap in coverage.Items("gaps"))
            {
                Mark(marked, gap.String("start"), gap.String("end"), "no evidence");
            }
        }

        var gaps = coverage.Items("gaps");
        html.Raw("<p>Evidence on ").Number(coverage.Integer("daysWithEvidence") ?? 0).Raw(" of ").Number(coverage.Integer("days") ?? 0).Raw(" days");
        html.Raw(gaps.Count == 0 ? "; no coverage gaps." : "; coverage gaps: ").Text(string.Join(", ", gaps.Select(Range))).Raw(gaps.Count == 0 ? string.Empty : ".").Raw("</p>\n");

        html.Raw("<div class=\"columns\"><div>\n<h3>Outcomes</h3>\n");
        WriteOutcomes(html, control);
        html.Raw("</div><div>\n<h3>Daily evidence</h3>\n");
        HeatMap.Write(html, id, Daily(coverage), marked, markName);
        html.Raw("</div></div>\n");

        if (sample is { } drawn)
        {
            WriteSample(html, drawn);
        }
        else
        {
            var events = control.Items("sampleEvents");
            html.Raw("<h3>Sample events</h3>\n<p class=\"muted\">The first ").Number(events.Count).Raw(" evidence events of the window, by time.</p>\n");
            WriteEvents(html, events, withStratum: false);
        }

        html.Raw("</section>\n");
    }

    private static void WriteOperation(HtmlBuilder html, JsonElement operation, Dictionary<DateOnly, string> marked)
    {
        var exceptions = operation.Items("exceptions");
        html.Raw("<p>Operating test: ");
        CriteriaView.Status(html, operation.String("verdict") ?? string.Empty);
        html.Raw(" ").Number(operation.Integer("operated") ?? 0).Raw(" of ").Number(operation.Integer("required") ?? 0)
            .Raw(" required periods (").Text(operation.String("period")).Raw(") operated; ").Number(exceptions.Count).Raw(" exception(s).</p>\n");
        if (exceptions.Count == 0)
        {
            return;
        }

        html.Raw("<table class=\"exceptions\"><thead><tr><th>Period</th><th>Days</th><th>Reason</th></tr></thead><tbody>\n");
        foreach (var exception in exceptions)
        {
            html.Raw("<tr class=\"flagged\"><td>").Text(exception.String("period")).Raw("</td><td>").Text(exception.String("from")).Raw(" to ").Text(exception.String("to"))
                .Raw("</td><td>").Text(exception.String("reason")).Raw("</td></tr>\n");
            Mark(marked, exception.String("from"), exception.String("to"), exception.String("reason") ?? "exception");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void WriteOutcomes(HtmlBuilder html, JsonElement control)
    {
        var outcomes = control.Members("outcomes");
        long total = outcomes.Sum(o => o.Value.TryGetInt64(out long n) ? n : 0);
        if (outcomes.Count == 0)
        {
            html.Raw("<p class=\"muted\">No evidence in the window.</p>\n");
            return;
        }

        html.Raw("<table class=\"outcomes\"><thead><tr><th>Outcome</th><th class=\"num\">Events</th><th class=\"num\">Share</th></tr></thead><tbody>\n");
        foreach (var outcome in outcomes.OrderByDescending(o => o.Value.TryGetInt64(out long n) ? n : 0).ThenBy(o => o.Name, StringComparer.Ordinal))
        {
            long count = outcome.Value.TryGetInt64(out long n) ? n : 0;
            long permille = total == 0 ? 0 : ((count * 1000) + (total / 2)) / total;
            html.Raw("<tr><td>").Text(outcome.Name).Raw("</td>").NumberCell(count).Raw("<td class=\"num\"><meter min=\"0\" max=\"1000\"")
                .Attribute("value", permille.ToString(CultureInfo.InvariantCulture)).Raw("></meter> ")
                .Raw((permille / 10).ToString(CultureInfo.InvariantCulture)).Raw(".").Raw((permille % 10).ToString(CultureInfo.InvariantCulture)).Raw("%</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void WriteSample(HtmlBuilder html, JsonElement sample)
    {
        var events = sample.Items("events");
        html.Raw("<h3>Sample</h3>\n<p class=\"muted\">").Number(events.Count).Raw(" of a population of ").Number(sample.Integer("populationSize") ?? 0)
            .Raw(" events, drawn by ").Text(sample.String("basis")).Raw(" (size ").Number(sample.Integer("size") ?? 0).Raw("); seed <code>")
            .Text(sample.String("seed")).Raw("</code>, population digest <code>").Text(sample.String("populationDigest")).Raw("</code>.</p>\n");
        WriteEvents(html, events, withStratum: events.Any(e => e.Integer("stratum") is not null));
    }

    private static void WriteEvents(HtmlBuilder html, IReadOnlyList<JsonElement> events, bool withStratum)
    {
        if (events.Count == 0)
        {
            html.Raw("<p class=\"muted\">None.</p>\n");
            return;
        }

        html.Raw("<table class=\"samples\"><thead><tr><th>Event</th><th>Time (UTC)</th><th>Type</th><th>Outcome</th><th>Actor</th><th>Resource</th><th>IP</th>")
            .Raw(withStratum ? "<th class=\"num\">Stratum</th>" : string.Empty).Raw("</tr></thead><tbody>\n");
        foreach (var item in events)
        {
            html.Raw("<tr><td class=\"mono\">").Text(item.String("id")).Raw("</td><td>").Text(item.String("time")).Raw("</td><td>").Text(item.String("type"))
                .Raw("</td><td>").Text(item.String("outcome")).Raw("</td><td>").Text(item.String("actor")).Raw("</td><td>").Text(item.String("resource"))
                .Raw("</td><td>").Text(item.String("ip")).Raw("</td>");
            if (withStratum)
            {
                html.Raw("<td class=\"num\">").Text(item.Integer("stratum")?.ToString(CultureInfo.InvariantCulture) ?? "fill").Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static List<(DateOnly Day, long Count)> Daily(JsonElement coverage)
    {
        var days = new List<(DateOnly, long)>();
        foreach (var day in coverage.Members("daily"))
        {
            if (Date(day.Name) is { } date && day.Value.TryGetInt64(out long count))
            {
                days.Add((date, count));
            }
        }

        days.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return days;
    }

    private static void Mark(Dictionary<DateOnly, string> marked, string? from, string? to, string why)
    {
        if (Date(from) is not { } start || Date(to) is not { } end)
        {
            return;
        }

        // A window has at most 3,660 days; an unsigned report could claim any range.
        for (var day = start; day <= end && day.DayNumber - start.DayNumber <= 3660; day = day.AddDays(1))
        {
            marked.TryAdd(day, why);
        }
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Range(JsonElement gap) =>
        gap.String("start") == gap.String("end") ? gap.String("start") ?? string.Empty : gap.String("start") + ".." + gap.String("end");
}
