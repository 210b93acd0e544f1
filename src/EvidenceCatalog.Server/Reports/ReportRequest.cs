using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Server.Reports;

/// <summary>
/// One report request, checked: the account, one section, the criteria view or all, the window, and the form (the
/// JSON report, or the population CSV). Its <see cref="CacheKey"/> names exactly these, so two tenants, sections,
/// windows or forms never share an entry.
/// </summary>
internal sealed record ReportRequest(string Account, SectionDefinition? Section, bool Criteria, CalendarDate From, CalendarDate To, TimeZoneInfo TimeZone)
{
    /// <summary>The <c>format</c> values: the report, the population CSV, the CSV's detached signature.</summary>
    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "csv.sig"];

    /// <summary>True for the population CSV (and its signature), false for the JSON report.</summary>
    public bool Csv { get; init; }

    /// <summary>Days in the default window: the last 90 complete days, enough for a Type II period.</summary>
    public const int DefaultDays = 90;

    /// <summary>What <c>?section=</c> may name: the sections, in report order, then the criteria view.</summary>
    public static readonly IReadOnlyList<string> SectionNames = [.. SectionDefinitions.Names, CriteriaReport.SectionName];

    /// <summary>What the request asks for: a section's name, <c>criteria</c>, or <c>all</c>.</summary>
    public string Part => Section?.Name ?? (Criteria ? CriteriaReport.SectionName : "all");

    // v3: reports of format 1.1.0 (criteria, operating tests); a v2 entry is never served for them.
    public string CacheKey =>
        $"evidence:report:v3:{Uri.EscapeDataString(Account)}:{(Csv ? "population-csv" : Part)}:{From}:{To}:{Uri.EscapeDataString(TimeZone.Id)}";

    /// <summary>Reads the query parameters; the problem in one line when they cannot make a request.</summary>
    public static ReportRequest? TryParse(string account, string? section, string? from, string? to, string? tz, DateTimeOffset now, out string? problem, out IDictionary<string, object?>? extensions, string? format = null)
    {
        extensions = null;
        if (format is not null && !Formats.Contains(format, StringComparer.Ordinal))
        {
            problem = $"there is no format '{format}'; give one of: {string.Join(", ", Formats)}";
            extensions = new Dictionary<string, object?> { ["validFormats"] = Formats };
            return null;
        }

        bool csv = format is "csv" or "csv.sig";
        if (csv && section is not null)
        {
            problem = $"format={format} is the evidence population of every control; it has no sections: leave out section";
            return null;
        }

        bool criteria = string.Equals(section, CriteriaReport.SectionName, StringComparison.Ordinal);
        var definition = section is null || criteria ? null : SectionDefinitions.Find(section);
        if (section is not null && !criteria && definition is null)
        {
            problem = $"there is no section '{section}'; give one of: {string.Join(", ", SectionNames)} (or none for the full report)";
            extensions = new Dictionary<string, object?> { ["validSections"] = SectionNames };
            return null;
        }

        TimeZoneInfo zone;
        try
        {
            zone = ReportTimeZone.Find(tz ?? "UTC");
        }
        catch (ReportOptionsException exception)
        {
            problem = exception.Message;
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var yesterday = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
        CalendarDate toDate;
        CalendarDate fromDate;
        if (to is null)
        {
            toDate = Date(yesterday);
        }
        else if (!CalendarDate.TryParse(to, out toDate))
        {
            problem = $"to must be a real calendar date written YYYY-MM-DD (e.g. 2026-11-23), not '{to}'";
            return null;
        }

        if (from is null)
        {
            // Outside the dates a window may cover, the default start is not computed (it may not exist): the check below names the range.
            fromDate = toDate < ReportWindow.Earliest || toDate > ReportWindow.Latest
                ? toDate
                : Date(new DateOnly(toDate.Year, toDate.Month, toDate.Day).AddDays(1 - DefaultDays));
        }
        else if (!CalendarDate.TryParse(from, out fromDate))
        {
            problem = $"from must be a real calendar date written YYYY-MM-DD (e.g. 2026-08-25), not '{from}'";
            return null;
        }

        problem = ReportWindow.Problem(fromDate, toDate);
        return problem is null ? new ReportRequest(account, definition, criteria, fromDate, toDate, zone) { Csv = csv } : null;
    }

    private static CalendarDate Date(DateOnly date) => new(date.Year, date.Month, date.Day);
}
