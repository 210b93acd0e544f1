using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>What the report says about controls, metrics, the audit log and itself.</summary>
public sealed class ReportContentTests
{
    private static readonly ReportOptions March = Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31));

    [Fact]
    public void Control_summary_counts_outcomes_in_words()
    {
        var lines = Enumerable.Range(0, 7).Select(i => Line("a" + i, "2026-03-02T10:00:00Z", outcome: "allow"))
            .Concat(Enumerable.Range(0, 3).Select(i => Line("d" + i, "2026-03-03T10:00:00Z", outcome: "deny")));
        var control = Report(March, lines).Controls["IAM-01"];
        Assert.Equal(10, control.EvidenceCount);
        Assert.Equal(7, control.Outcomes["allow"]);
        Assert.Equal(3, control.Outcomes["deny"]);
        Assert.Matches("^10 .+ events: 7 allowed, 3 denied$", control.Summary);
        Assert.Equal(2, control.Coverage.DaysWithEvidence);
        Assert.Equal(31, control.Coverage.Days);
        Assert.Equal(31, control.Coverage.Daily.Count);
    }

    [Fact]
    public void Sample_is_the_first_events_by_time_then_id_and_bounded()
    {
        var lines = Enumerable.Range(0, 20).Select(i => Line($"e{i:D2}", $"2026-03-{2 + (i % 5):D2}T10:00:00Z"));
        var control = Report(March with { SampleSize = 3 }, lines).Controls["IAM-01"];
        Assert.Equal(new[] { "e00", "e05", "e10" }, control.SampleEvents.Select(e => e.Id));
    }

    [Fact]
    public void Security_metrics_count_their_type_and_outcomes()
    {
        var lines = new[]
        {
            Line("a", "2026-03-02T10:00:00Z", "auth.login", "failure"),
            Line("b", "2026-03-02T11:00:00Z", "auth.login", "failure"),
            Line("c", "2026-03-05T11:00:00Z", "auth.login", "failure"),
            Line("d", "2026-03-05T11:00:00Z", "auth.login", "success"),
        };
        var metric = Report(March, lines).Sections.Get(SectionDefinitions.SecurityMetrics).Metrics.Single(m => m.Id == "failed-auth-attempts");
        Assert.Equal(3, metric.Count);
        Assert.Equal(2, metric.DaysWithEvents);
        Assert.Equal(new DayCount("2026-03-02", 2), metric.PeakDay);
    }

    [Fact]
    public void Blocked_ips_counts_distinct_addresses_besides_block_events()
    {
        static string Blocked(string id, string time, string? ip) =>
            $"{{\"id\":\"{id}\",\"time\":\"{time}\",\"type\":\"network.ip_blocked\",\"outcome\":\"blocked\",\"actor\":\"service:edge-waf\",\"account\":\"{Org}\"{(ip is null ? "" : $",\"ip\":\"{ip}\"")}}}";
        var lines = new[]
        {
            Blocked("a", "2026-03-02T10:00:00Z", "203.0.113.7"),
            Blocked("b", "2026-03-02T11:00:00Z", "203.0.113.7"),
            Blocked("c", "2026-03-05T11:00:00Z", "198.51.100.23"),
            Blocked("d", "2026-03-06T11:00:00Z", null),
            Blocked("e", "2026-02-27T11:00:00Z", "192.0.2.1"),
        };

        var metric = Report(March, lines).Sections.Get(SectionDefinitions.SecurityMetrics).Metrics.Single(m => m.Id == "blocked-ips");

        Assert.Equal(4, metric.Count);
        Assert.Equal(2, metric.DistinctIps);
    }

    [Fact]
    public void Audit_log_summary_covers_30_days_and_breaks_actor_ties_by_id()
    {
        var lines = Enumerable.Range(0, 12).SelectMany(a => Enumerable.Range(0, a < 4 ? 2 : 1).Select(k => Line($"x{a}-{k}", "2026-03-20T10:00:00Z", actor: $"user:{(char)('a' + (11 - a))}")))
            .Append(Line("old", "2026-03-01T10:00:00Z"));
        var summary = Report(March, lines).Sections.Get(SectionDefinitions.AuditLogSummary);
        Assert.Equal(("2026-03-02", "2026-03-31"), (summary.From, summary.To));
        Assert.Equal(16, summary.Total);
        Assert.Equal(16, summary.ByType["policy.decision"]);
        Assert.Equal(10, summary.TopActors.Count);
        Assert.Equal(new[] { "user:i", "user:j", "user:k", "user:l", "user:a", "user:b" }, summary.TopActors.Take(6).Select(a => a.Actor));
    }

    [Fact]
    public void Meta_carries_org_window_fingerprint_version_and_counts_that_add_up()
    {
        var report = Report(March with { TimeZone = System.TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") }, [Line("a", "2026-03-02T10:00:00Z"), "bad", Line("a", "2026-03-02T10:00:00Z")]);
        Assert.Equal("1.1.0", report.Meta.ReportVersion);
        Assert.Equal("northwind-cloud", report.Meta.OrgId);
        Assert.Equal("Northwind Cloud, Inc.", report.Meta.OrgName);
        Assert.Equal("2026-11-23T12:00:00Z", report.Meta.GeneratedAt);
        Assert.Equal(Catalog.Fingerprint, report.Meta.CatalogFingerprint);
        Assert.Equal(new ReportWindowInfo("2026-03-01", "2026-03-31", "Europe/Berlin", 31, "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z"), report.Meta.Window);
        var i = report.Meta.Ingestion!;
        Assert.Equal((3L, 1L, 1L, 1L), (i.Read, i.Accepted, i.Duplicates, i.Rejected));
    }

    [Fact]
    public void Every_section_has_its_time_and_status_and_the_json_holds_no_floating_point_number()
    {
        var report = Report(March, EvidenceForEveryControl(new CalendarDate(2026, 3, 1), 31));
        Assert.Equal(SectionDefinitions.Names, report.Sections.Select(s => s.Definition.Name));
        Assert.All(report.Sections, s => Assert.Equal("2026-11-23T12:00:00Z", s.Section.GeneratedAt));
        Assert.All(report.Sections.Where(s => s.Definition.Name != "access-review"), s => Assert.Equal(ReportSection.Ok, s.Section.Status));
        using var document = JsonDocument.Parse(ReportJson.Serialize(report));
        Assert.All(Numbers(document.RootElement), n => Assert.True(n.TryGetInt64(out _), n.GetRawText()));
        Assert.Equal(9, document.RootElement.GetProperty("sections").EnumerateObject().Count());
        Assert.True(document.RootElement.GetProperty("validation").GetProperty("typeII").ValueKind is JsonValueKind.False);
    }

    [Fact]
    public void Vendor_review_overdue_is_judged_against_the_window_end()
    {
        var late = Options(new CalendarDate(2030, 1, 1), new CalendarDate(2030, 1, 31)) with { Clock = new Infrastructure.FakeClock(new System.DateTimeOffset(2030, 2, 1, 0, 0, 0, System.TimeSpan.Zero)) };
        var vendors = Report(late, []).Sections.Get(SectionDefinitions.VendorRegister);
        Assert.All(vendors.Vendors, v => Assert.True(v.ReviewOverdue));
        Assert.Equal(vendors.Vendors.Count, vendors.Summary.ReviewsOverdue);
        Assert.All(Report(March, []).Sections.Get(SectionDefinitions.VendorRegister).Vendors, v => Assert.False(v.ReviewOverdue));
    }

    private static System.Collections.Generic.IEnumerable<JsonElement> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };
}
