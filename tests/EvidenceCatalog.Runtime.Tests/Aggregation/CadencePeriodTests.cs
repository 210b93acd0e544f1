using System;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Aggregation;

/// <summary>
/// A cadence divides the window into ISO weeks, calendar months, quarters or years (every day for continuous and daily);
/// a period is required when at least half of its days lie in the window.
/// </summary>
public sealed class CadencePeriodTests
{
    private static ReportWindow Window(string from, string to, string tz = "UTC") =>
        new(CalendarDate.Parse(from), CalendarDate.Parse(to), TimeZoneInfo.FindSystemTimeZoneById(tz));

    private static string[] Describe(ReportWindow window, Cadence cadence) =>
        CadencePeriods.Of(window, cadence).Select(p => $"{p.Label} {p.Start}..{p.End} days {p.FirstDay}-{p.LastDay}{(p.Required ? " required" : string.Empty)}").ToArray();

    [Fact]
    public void Weekly_periods_are_iso_weeks_so_the_days_of_2027_before_its_first_monday_are_in_2026_W53()
    {
        var periods = Describe(Window("2026-12-21", "2027-01-10"), Cadence.Weekly);

        Assert.Equal(
            [
                "2026-W52 2026-12-21..2026-12-27 days 0-6 required",
                "2026-W53 2026-12-28..2027-01-03 days 7-13 required",
                "2027-W01 2027-01-04..2027-01-10 days 14-20 required",
            ],
            periods);
    }

    [Theory]
    [InlineData("2026-02-15", true)] // 45 of the 90 days of 2026-Q1: half, so required
    [InlineData("2026-02-16", false)] // 44 of 90: less than half
    public void A_quarter_the_window_starts_in_is_required_when_at_least_half_of_it_lies_inside(string from, bool required)
    {
        var periods = CadencePeriods.Of(Window(from, "2026-06-30"), Cadence.Quarterly);

        Assert.Equal(["2026-Q1", "2026-Q2"], periods.Select(p => p.Label));
        Assert.Equal((new CalendarDate(2026, 1, 1), new CalendarDate(2026, 3, 31), required), (periods[0].Start, periods[0].End, periods[0].Required));
        Assert.True(periods[1].Required);
    }

    [Fact]
    public void Months_at_both_edges_are_judged_alike_by_their_own_length()
    {
        // January: 16 of 31 days inside (required); March: 15 of 31 (not); February whole.
        Assert.Equal(
            [
                "2026-01 2026-01-01..2026-01-31 days 0-15 required",
                "2026-02 2026-02-01..2026-02-28 days 16-43 required",
                "2026-03 2026-03-01..2026-03-31 days 44-58",
            ],
            Describe(Window("2026-01-16", "2026-03-15"), Cadence.Monthly));
    }

    [Fact]
    public void A_year_is_required_only_in_the_window_that_holds_half_of_its_days()
    {
        Assert.Equal(
            ["2026 2026-01-01..2026-12-31 days 0-183 required", "2027 2027-01-01..2027-12-31 days 184-364"],
            Describe(Window("2026-07-01", "2027-06-30"), Cadence.Annually));
    }

    [Theory]
    [InlineData(Cadence.Continuous)]
    [InlineData(Cadence.Daily)]
    public void Continuous_and_daily_controls_must_operate_every_day_of_the_window(Cadence cadence)
    {
        var periods = CadencePeriods.Of(Window("2026-03-01", "2026-03-31", "America/New_York"), cadence);

        Assert.Equal(31, periods.Count);
        Assert.All(periods, p => Assert.True(p.Required && p.FirstDay == p.LastDay && p.Start == p.End));
        Assert.Equal("2026-03-08", periods[7].Label);
    }

    [Fact]
    public void An_on_occurrence_control_has_the_window_as_its_one_period_and_it_is_never_required()
    {
        var period = Assert.Single(CadencePeriods.Of(Window("2026-01-01", "2026-12-31"), Cadence.OnOccurrence));

        Assert.Equal(("2026-01-01..2026-12-31", 0, 364, false), (period.Label, period.FirstDay, period.LastDay, period.Required));
    }

    [Theory]
    [InlineData("0002-01-01", "0002-03-31", "Pacific/Kiritimati")]
    [InlineData("9998-10-01", "9998-12-31", "Pacific/Pago_Pago")]
    public void The_periods_of_every_cadence_exist_at_the_first_and_last_dates_a_window_may_have(string from, string to, string tz)
    {
        var window = Window(from, to, tz);

        foreach (var cadence in Enum.GetValues<Cadence>())
        {
            var periods = CadencePeriods.Of(window, cadence);
            Assert.Equal(window.Days, periods.Sum(p => p.DaysInWindow));
        }
    }
}
