using System;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Aggregation;

/// <summary>Days are calendar days in the report's zone, as long as the clock says they are.</summary>
public sealed class ReportWindowTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("0002-01-01", "0002-01-01", "Pacific/Kiritimati")]
    [InlineData("0002-01-01", "0002-03-31", "Pacific/Pago_Pago")]
    [InlineData("9998-10-01", "9998-12-31", "Pacific/Kiritimati")]
    [InlineData("9998-12-31", "9998-12-31", "Pacific/Pago_Pago")]
    public async Task The_first_and_last_dates_a_window_may_have_give_a_signed_report_in_the_zones_furthest_from_UTC(string from, string to, string tz)
    {
        using var key = HmacSigningKey.FromBytes(new byte[32]);
        var job = new ReportJob(Catalog, Options(CalendarDate.Parse(from), CalendarDate.Parse(to), tz)) { SigningKeys = [key] };

        var result = await job.RunAsync(Source(Line("a", "2026-03-02T10:00:00Z")));

        using var verification = key.ToVerificationKey();
        Assert.True(ReportVerifier.Verify(result.Json, verification).IsIntact);
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-31")]
    [InlineData("0001-12-31", "0002-01-01")]
    [InlineData("9998-12-31", "9999-01-01")]
    [InlineData("9999-12-31", "9999-12-31")]
    public void A_window_beyond_them_is_refused_as_an_option_naming_the_range(string from, string to)
    {
        var options = Options(CalendarDate.Parse(from), CalendarDate.Parse(to), "Pacific/Kiritimati");

        var refused = Assert.Throws<ReportOptionsException>(() => new ReportJob(Catalog, options));

        Assert.Equal(ReportOption.Window, refused.Option);
        Assert.Equal($"the window {from}..{to} is outside the dates a report can cover: its days must lie between 0002-01-01 and 9998-12-31", refused.Message);
    }

    [Theory]
    [InlineData("America")]
    [InlineData("Etc")]
    [InlineData("Mars/Olympus")]
    [InlineData("../../etc/passwd")]
    public void A_time_zone_that_is_no_zone_is_refused_as_an_option(string tz)
    {
        var refused = Assert.Throws<ReportOptionsException>(() => ReportTimeZone.Find(tz));

        Assert.Equal((ReportOption.TimeZone, $"unknown time zone '{tz}': give an IANA id such as UTC, Europe/Berlin or America/New_York"), (refused.Option, refused.Message));
    }

    [Fact]
    public void Spring_forward_day_is_23_hours_and_fall_back_day_25_hours()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 11, 30), NewYork);
        int spring = Index(window, new CalendarDate(2026, 3, 8));
        int fall = Index(window, new CalendarDate(2026, 11, 1));
        Assert.Equal(TimeSpan.FromHours(23), window.DayStartUtc(spring + 1) - window.DayStartUtc(spring));
        Assert.Equal(TimeSpan.FromHours(25), window.DayStartUtc(fall + 1) - window.DayStartUtc(fall));
        Assert.Equal(TimeSpan.FromHours(24), window.DayStartUtc(spring + 2) - window.DayStartUtc(spring + 1));
    }

    [Fact]
    public void Events_on_dst_change_days_land_on_their_local_day()
    {
        // 2026-11-01 in New York runs from 04:00Z to 05:00Z the next day (25 hours).
        var lines = new[]
        {
            Line("a", "2026-11-01T03:59:59Z"), // 2026-10-31 23:59:59 EDT
            Line("b", "2026-11-01T04:00:00Z"), // 2026-11-01 00:00 EDT
            Line("c", "2026-11-02T04:59:59Z"), // 2026-11-01 23:59:59 EST
            Line("d", "2026-11-02T05:00:00Z"), // 2026-11-02 00:00 EST
            Line("e", "2026-03-08T04:59:59Z"), // 2026-03-07 23:59:59 EST
            Line("f", "2026-03-08T05:00:00Z"), // 2026-03-08 00:00 EST
            Line("g", "2026-03-09T03:59:59Z"), // 2026-03-08 23:59:59 EDT
            Line("h", "2026-03-09T04:00:00Z"), // 2026-03-09 00:00 EDT
        };
        var report = Report(Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 11, 20), "America/New_York"), lines);
        var daily = report.Controls["IAM-01"].Coverage.Daily;
        Assert.Equal(1, daily["2026-10-31"]);
        Assert.Equal(2, daily["2026-11-01"]);
        Assert.Equal(1, daily["2026-11-02"]);
        Assert.Equal(1, daily["2026-03-07"]);
        Assert.Equal(2, daily["2026-03-08"]);
        Assert.Equal(1, daily["2026-03-09"]);
    }

    [Fact]
    public void Events_out_of_order_by_hours_count_the_same_as_in_order()
    {
        var ordered = new[] { Line("a", "2026-03-02T01:00:00Z"), Line("b", "2026-03-02T23:00:00Z"), Line("c", "2026-03-03T05:00:00Z"), Line("d", "2026-03-05T00:00:00Z") };
        var shuffled = new[] { ordered[3], ordered[1], ordered[0], ordered[2] };
        var options = Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 10));
        var a = Report(options, ordered);
        var b = Report(options, shuffled);
        Assert.Equal(a.Controls["IAM-01"].Coverage.Daily, b.Controls["IAM-01"].Coverage.Daily);
        Assert.Equal(
            System.Linq.Enumerable.Select(a.Controls["IAM-01"].SampleEvents, s => s.Id),
            System.Linq.Enumerable.Select(b.Controls["IAM-01"].SampleEvents, s => s.Id));
    }

    [Fact]
    public void Instants_outside_the_covered_days_are_outside()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        Assert.Equal(-1, window.DayOf(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).Ticks));
        Assert.Equal(window.TotalDays - 1, window.DayOf(new DateTime(2026, 3, 31, 23, 59, 59, DateTimeKind.Utc).Ticks));
        Assert.Equal(0, window.DayOf(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks));
    }

    [Fact]
    public void A_short_window_still_covers_the_30_audit_log_days()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 25), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        Assert.Equal(30, window.TotalDays);
        Assert.Equal(7, window.Days);
        Assert.Equal(23, window.WindowOffset);
        Assert.Equal(new CalendarDate(2026, 3, 2), window.FirstDay);
    }

    [Fact]
    public void Window_ending_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReportWindow(new CalendarDate(2026, 3, 2), new CalendarDate(2026, 3, 1), TimeZoneInfo.Utc));
    }

    private static int Index(ReportWindow window, CalendarDate date)
    {
        for (int i = 0; i < window.TotalDays; i++)
        {
            if (window.DateOf(i) == date)
            {
                return i;
            }
        }

        throw new InvalidOperationException();
    }
}
