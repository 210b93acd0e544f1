using System.Linq;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

public sealed class TimeOfDayTests
{
    private static readonly GeneratedEvents Run = SyntheticRun.Generate(SyntheticRun.Options(days: 7, perDay: 5000));

    [Fact]
    public void Events_are_in_ascending_time_within_each_day()
    {
        var events = Run.Events;
        for (int i = 1; i < events.Count; i++)
        {
            if (events[i - 1].Date == events[i].Date)
            {
                Assert.True(events[i - 1].Time <= events[i].Time, events[i - 1].TimeText + " before " + events[i].TimeText);
            }
        }
    }

    [Fact]
    public void Each_day_holds_its_own_events_and_the_days_follow_in_order()
    {
        var dates = Run.Events.Select(e => e.Date).ToList();

        Assert.Equal(Enumerable.Range(0, 7).Select(Run.Options.DateAt), dates.Distinct());
        Assert.All(dates.GroupBy(d => d), g => Assert.Equal(5000, g.Count()));
    }

    [Fact]
    public void The_working_day_is_busier_than_the_night()
    {
        int afternoon = Run.Events.Count(e => e.Time.Hour is >= 14 and < 18);
        int night = Run.Events.Count(e => e.Time.Hour is >= 1 and < 5);

        Assert.True(afternoon > 4 * night, $"{afternoon} events 14:00–18:00 against {night} 01:00–05:00");
        Assert.True(night > 0);
    }
}
