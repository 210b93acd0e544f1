using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>
/// The criteria table: the report's own <c>criteria</c> view when it has one (a map by criterion id, or an array of
/// entries with an <c>id</c>); otherwise one row per criterion the controls claim, derived from <c>controls.*.criteria</c>
/// and said to be derived, since such a report judges no criterion.
/// </summary>
internal static class CriteriaView
{
    public static void Write(HtmlBuilder html, JsonElement report)
    {
        html.Raw("<section id=\"criteria\">\n<h2>Criteria</h2>\n");
        if (report.Member("criteria") is { } criteria && Entries(criteria) is { } entries)
        {
            WriteReported(html, entries);
        }
        else
        {
            WriteDerived(html, report);
        }

        html.Raw("</section>\n");
    }

    private static List<(string Id, JsonElement Entry)>? Entries(JsonElement criteria) => criteria.ValueKind switch
    {
        JsonValueKind.Object => criteria.EnumerateObject().Select(p => (p.Name, p.Value)).ToList(),
        JsonValueKind.Array => criteria.EnumerateArray().Select(e => (e.String("id") ?? string.Empty, e)).ToList(),
        _ => null,
    };

    private static void WriteReported(HtmlBuilder html, List<(string Id, JsonElement Entry)> entries)
    {
        var byStatus = entries.GroupBy(e => e.Entry.String("status") ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal);
        html.Raw("<p>").Number(entries.Count).Raw(" criteria: ")
            .Raw(string.Join(", ", byStatus.Select(g => g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Escaped(g.Key))))
            .Raw(".</p>\n");
        bool requests = entries.Any(e => e.Entry.Integer("openRequests") is not null);
        html.Raw("<table id=\"criteria-table\" data-source=\"report\"><thead><tr><th>Criterion</th><th>Title</th><th>Status</th><th>Controls</th>")
            .Raw("<th class=\"num\">Evidence</th><th class=\"num\">Periods operated / required</th><th class=\"num\">Exceptions</th>")
            .Raw(requests ? "<th class=\"num\">Open requests</th>" : string.Empty).Raw("</tr></thead><tbody>\n");
        foreach (var (id, entry) in entries)
        {
            string status = entry.String("status") ?? string.Empty;
            html.Raw("<tr").Attribute("data-criterion", id).Raw("><th>").Text(id).Raw("</th><td>").Text(entry.String("title")).Raw("</td><td>");
            Status(html, status);
            html.Raw("</td><td>");
            ControlLinks(html, entry.Strings("controls"));
            html.Raw("</td>").NumberCell(entry.Integer("evidenceCount") ?? 0).Raw("<td class=\"num\">")
                .Number(entry.Integer("periodsOperated") ?? 0).Raw(" / ").Number(entry.Integer("periodsRequired") ?? 0).Raw("</td>")
                .NumberCell(entry.Integer("exceptions") ?? 0);
            if (requests)
            {
                html.NumberCell(entry.Integer("openRequests") ?? 0);
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void WriteDerived(HtmlBuilder html, JsonElement report)
    {
        var claimed = new SortedDictionary<string, List<(string Control, long Evidence)>>(StringComparer.Ordinal);
        foreach (var control in report.Members("controls"))
        {
            foreach (string criterion in control.Value.Strings("criteria"))
            {
                if (!claimed.TryGetValue(criterion, out var list))
                {
                    claimed[criterion] = list = [];
                }

                list.Add((control.Name, control.Value.Integer("evidenceCount") ?? 0));
            }
        }

        html.Raw("<p>This report (version ").Text(report.Object("meta")?.String("reportVersion")).Raw(") carries no criteria view. ")
            .Raw("The table lists each criterion its controls claim, with their evidence: <em>evidence</em> when any of them has evidence in the ")
            .Raw("window, <em>no evidence</em> when none has. It is derived here, not a test of the controls' cadence.</p>\n");
        html.Raw("<table id=\"criteria-table\" data-source=\"derived\"><thead><tr><th>Criterion</th><th>Status</th><th>Controls</th><th class=\"num\">Evidence</th></tr></thead><tbody>\n");
        foreach (var (criterion, controls) in claimed)
        {
            long evidence = controls.Sum(c => c.Evidence);
            html.Raw("<tr").Attribute("data-criterion", criterion).Raw("><th>").Text(criterion).Raw("</th><td>");
            Status(html, evidence > 0 ? "evidence" : "no-evidence");
            html.Raw("</td><td>");
            ControlLinks(html, controls.Select(c => c.Control).ToList());
            html.Raw("</td>").NumberCell(evidence).Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    /// <summary>A status badge; its class is the status when it is a plain word, so an unknown status still shows, unstyled.</summary>
    public static void Status(HtmlBuilder html, string status)
    {
        bool word = status.Length > 0 && status.All(c => char.IsAsciiLetterLower(c) || c == '-');
        html.Raw("<span class=\"status").Raw(word ? " " + status : string.Empty).Raw("\">").Text(status.Replace('-', ' ')).Raw("</span>");
    }

    public static void ControlLinks(HtmlBuilder html, IReadOnlyList<string> controls)
    {
        for (int index = 0; index < controls.Count; index++)
        {
            html.Raw(index > 0 ? ", " : string.Empty).Raw("<a").Attribute("href", "#control-" + controls[index]).Raw(">").Text(controls[index]).Raw("</a>");
        }
    }

    private static string Escaped(string text) => new HtmlBuilder().Text(text).ToString();
}
