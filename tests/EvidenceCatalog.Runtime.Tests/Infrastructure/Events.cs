using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Tests.Infrastructure;

/// <summary>Event lines and reports over the sample catalogs, for tests.</summary>
internal static class Events
{
    public const string Org = "northwind-cloud";

    public static IEvidenceCatalog Catalog => GeneratedEvidenceCatalog.Instance;

    /// <summary>A fixed clock well after every test window.</summary>
    public static readonly FakeClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public static string Line(string id, string time, string type = "policy.decision", string? outcome = "allow", string actor = "user:alice@northwind.example", string account = Org) =>
        "{\"id\":\"" + id + "\",\"time\":\"" + time + "\",\"type\":\"" + type + "\""
        + (outcome is null ? string.Empty : ",\"outcome\":\"" + outcome + "\"")
        + ",\"actor\":\"" + actor + "\",\"account\":\"" + account + "\"}";

    /// <summary>One event per listed day at noon UTC of each type every control with evidence rules needs (its first rule).</summary>
    public static IEnumerable<string> EvidenceForEveryControl(CalendarDate from, int days, Func<int, bool>? skipDay = null)
    {
        var start = new DateTime(from.Year, from.Month, from.Day, 12, 0, 0, DateTimeKind.Utc);
        int n = 0;
        for (int d = 0; d < days; d++)
        {
            if (skipDay?.Invoke(d) == true)
            {
                continue;
            }

            foreach (var control in Catalog.Model.Controls.Where(c => c.Evidence.Count > 0))
            {
                var rule = control.Evidence[0];
                string? outcome = rule.Outcomes.Count > 0 ? rule.Outcomes[0] : Catalog.Model.EventTypes.First(t => t.Id == rule.EventType).Outcomes.FirstOrDefault();
                yield return Line($"e{++n}", start.AddDays(d).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), rule.EventType, outcome);
            }
        }
    }

    public static ReportOptions Options(CalendarDate from, CalendarDate to, string tz = "UTC") => new()
    {
        Account = Org,
        From = from,
        To = to,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(tz),
        Clock = Clock,
    };

    /// <summary>A JSON Lines source over text, named <paramref name="name"/>.</summary>
    public static JsonLinesSource Source(string text, string name = "events.jsonl") => Source(Encoding.UTF8.GetBytes(text), name);

    /// <summary>A JSON Lines source over bytes, named <paramref name="name"/>.</summary>
    public static JsonLinesSource Source(byte[] bytes, string name = "events.jsonl") => new(JsonLinesInput.Stream(name, () => new MemoryStream(bytes)));

    /// <summary>The report of the events in <paramref name="text"/>, as `evidence report --events` builds it, and the rejections.</summary>
    public static (EvidenceReport Report, RejectionList Rejections) Run(ReportOptions options, string text)
    {
        var rejections = new RejectionList();
        var report = new ReportJob(Catalog, options) { Quarantine = rejections }.RunAsync(Source(text)).GetAwaiter().GetResult().Report;
        return (report, rejections);
    }

    /// <summary>What became of the events in <paramref name="text"/>: the report's ingestion summary, and the rejections.</summary>
    public static (IngestionSummary Stats, RejectionList Rejections) Read(ReportOptions options, string text)
    {
        var (report, rejections) = Run(options, text);
        return (report.Meta.Ingestion!, rejections);
    }

    public static EvidenceReport Report(ReportOptions options, IEnumerable<string> lines) =>
        Run(options, string.Join("\n", lines) + "\n").Report;
}

/// <summary>A clock that says what it is told.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
