using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Sampling;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sampling;

/// <summary>
/// Strata are runs of consecutive window days of as equal length as possible, in time order, covering every day once;
/// the events to draw are allotted as evenly, the earlier strata taking the remainder.
/// </summary>
public sealed class StratumLayoutTests
{
    [Theory]
    [InlineData(40, 90)]
    [InlineData(25, 365)]
    [InlineData(5, 7)]
    [InlineData(40, 40)]
    [InlineData(40, 13)]
    [InlineData(2, 3660)]
    [InlineData(1, 1)]
    public void Every_day_falls_in_the_stratum_that_starts_at_or_before_it(int size, int days)
    {
        var sampler = new ControlSampler(Control(), SampleRule.ByCadence(size), days);
        int strata = SampleRule.ByCadence(size).StrataFor(days);
        Assert.Equal(0, sampler.FirstDayOf(0));
        for (int day = 0; day < days; day++)
        {
            int stratum = sampler.StratumOf(day);
            Assert.InRange(stratum, 0, strata - 1);
            Assert.True(sampler.FirstDayOf(stratum) <= day, $"day {day} is before the start of stratum {stratum}");
            Assert.True(stratum == strata - 1 || sampler.FirstDayOf(stratum + 1) > day, $"day {day} is in stratum {stratum + 1}'s days too");
        }

        var lengths = Enumerable.Range(0, strata).Select(s => (s + 1 < strata ? sampler.FirstDayOf(s + 1) : days) - sampler.FirstDayOf(s)).ToList();
        Assert.True(lengths.Max() - lengths.Min() <= 1, "strata differ by at most a day: " + string.Join(",", lengths));
    }

    [Fact]
    public void A_sample_by_occurrences_puts_no_day_in_a_stratum()
    {
        var sampler = new ControlSampler(Control(), SampleRule.ByOccurrences, 90);
        Assert.Equal(-1, sampler.StratumOf(0));
        Assert.Equal(-1, sampler.StratumOf(89));
    }

    internal static Control Control(string id = "TST-01", Cadence cadence = Cadence.Continuous) =>
        new(id, "Test control", "A control for tests.", "security", new[] { "CC6.1" }.ToEquatableArray(), cadence, EquatableArray<EvidenceRule>.Empty);
}
