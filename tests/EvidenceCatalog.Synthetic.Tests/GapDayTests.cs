using System;
using System.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

public sealed class GapDayTests
{
    [Fact]
    public void Requested_gap_dates_have_no_events_and_the_other_days_are_full()
    {
        var gaps = new[] { new CalendarDate(2026, 3, 5), new CalendarDate(2026, 3, 9) };
        var options = SyntheticRun.Options(days: 12, perDay: 800) with { GapDates = gaps.ToEquatableArray() };

        var events = SyntheticRun.Events(options);

        Assert.DoesNotContain(events, e => gaps.Contains(e.Date));
        Assert.Equal(10 * 800, events.Count);
        Assert.Equal(10 * 800L, options.EventCount);
    }

    [Fact]
    public void Picked_gap_days_are_deterministic_distinct_and_away_from_the_edges()
    {
        var options = SyntheticRun.Options(days: 10, seed: 9);

        var picked = options.WithGapDays(8).GapDates;

        Assert.Equal(picked, options.WithGapDays(8).GapDates);
        Assert.Equal(8, picked.Distinct().Count());
        Assert.DoesNotContain(options.Start, picked);
        Assert.DoesNotContain(options.End, picked);
        Assert.All(picked, d => Assert.True(d > options.Start && d < options.End));
    }

    [Fact]
    public void Picked_gap_days_may_touch_the_edges_when_asked()
    {
        var picked = SyntheticRun.Options(days: 3).WithGapDays(3, includeEdges: true).GapDates;

        Assert.Equal(3, picked.Count);
    }

    [Fact]
    public void Picked_gap_days_add_to_the_requested_ones()
    {
        var requested = new CalendarDate(2026, 3, 2);
        var options = SyntheticRun.Options(days: 30) with { GapDates = new[] { requested }.ToEquatableArray() };

        var gaps = options.WithGapDays(2).GapDates;

        Assert.Equal(3, gaps.Count);
        Assert.Contains(requested, gaps);
    }

    [Fact]
    public void Asking_for_more_gap_days_than_there_are_inner_days_is_refused()
    {
        var options = SyntheticRun.Options(days: 5);

        Assert.Equal(3, options.GapDayCandidates());
        Assert.Throws<ArgumentOutOfRangeException>(() => options.WithGapDays(4));
    }

    [Fact]
    public void A_gap_day_leaves_every_control_without_evidence_that_day_only()
    {
        var gap = new CalendarDate(2026, 3, 3);
        var events = SyntheticRun.Events(SyntheticRun.Options(days: 5) with { GapDates = new[] { gap }.ToEquatableArray() });

        Assert.Equal(4, events.Select(e => e.Date).Distinct().Count());
    }
}
