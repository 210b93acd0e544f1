using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Synthetic;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

public sealed class SyntheticEventOptionsTests
{
    [Fact]
    public void Defaults_are_120_days_of_1000_events_from_seed_1()
    {
        var options = new SyntheticEventOptions { Account = "a", Start = new CalendarDate(2026, 1, 1) };

        Assert.Equal(120, options.Days);
        Assert.Equal(1000, options.PerDay);
        Assert.Equal(1UL, options.Seed);
        Assert.Equal(new CalendarDate(2026, 4, 30), options.End);
        Assert.Null(options.FindProblem());
    }

    [Theory]
    [InlineData("", 10, 10, "the account must not be empty")]
    [InlineData("a", 0, 10, "days must be from 1 to 3660, not 0")]
    [InlineData("a", 10, 0, "events per day must be from 1 to 10000000, not 0")]
    public void Out_of_range_options_are_named(string account, int days, int perDay, string problem)
    {
        var options = new SyntheticEventOptions { Account = account, Start = new CalendarDate(2026, 1, 1), Days = days, PerDay = perDay };

        Assert.Equal(problem, options.FindProblem());
        Assert.Throws<ArgumentException>(() => new SyntheticEventGenerator(SyntheticRun.Model, options));
    }

    [Fact]
    public void A_gap_date_outside_the_run_is_a_problem()
    {
        var options = SyntheticRun.Options(days: 3) with { GapDates = new[] { new CalendarDate(2026, 3, 4) }.ToEquatableArray() };

        Assert.Equal("the gap date 2026-03-04 is outside the run, 2026-03-01 to 2026-03-03", options.FindProblem());
    }

    [Fact]
    public void A_run_past_the_year_9999_is_a_problem()
    {
        var options = new SyntheticEventOptions { Account = "a", Start = new CalendarDate(9999, 12, 1), Days = 40 };

        Assert.Equal("the run must end by 9999-12-31", options.FindProblem());
    }

    [Fact]
    public void Gap_dates_are_kept_sorted_and_distinct_so_equal_options_compare_equal()
    {
        var a = SyntheticRun.Options() with { GapDates = new[] { new CalendarDate(2026, 3, 9), new CalendarDate(2026, 3, 2), new CalendarDate(2026, 3, 9) }.ToEquatableArray() };
        var b = SyntheticRun.Options() with { GapDates = new[] { new CalendarDate(2026, 3, 2), new CalendarDate(2026, 3, 9) }.ToEquatableArray() };

        Assert.Equal(a, b);
    }
}
