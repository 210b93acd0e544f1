using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_options_give_the_same_bytes()
    {
        var options = SyntheticRun.Options(days: 10, perDay: 2000, seed: 42).WithGapDays(2);

        Assert.Equal(SyntheticRun.Bytes(options), SyntheticRun.Bytes(options));
    }

    [Fact]
    public void Another_seed_gives_other_events_and_other_ids()
    {
        var first = SyntheticRun.Events(SyntheticRun.Options(days: 2, seed: 1));
        var second = SyntheticRun.Events(SyntheticRun.Options(days: 2, seed: 2));

        Assert.NotEqual(first[0].Id, second[0].Id);
        Assert.NotEqual(first.ConvertAll(e => e.TimeText), second.ConvertAll(e => e.TimeText));
    }

    [Fact]
    public void A_day_is_the_same_whatever_days_are_gaps()
    {
        // Each day draws from its own stream, so leaving a day out does not reshuffle the others.
        var options = SyntheticRun.Options(days: 5, perDay: 300);
        var full = SyntheticRun.Events(options);
        var gapped = SyntheticRun.Events(options with { GapDates = new[] { options.DateAt(1) }.ToEquatableArray() });

        var lastDay = options.DateAt(4);
        Assert.Equal(
            full.FindAll(e => e.Date == lastDay).ConvertAll(e => (e.TimeText, e.Type, e.Outcome, e.Actor)),
            gapped.FindAll(e => e.Date == lastDay).ConvertAll(e => (e.TimeText, e.Type, e.Outcome, e.Actor)));
    }
}
