using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Sampling;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sampling;

/// <summary>
/// Sample sizes follow the control's frequency as fixed values (Chiaro-HQ/methodology, method/type2-testing.md): the
/// cadences' table, and for occurrence-driven controls the table by population size.
/// </summary>
public sealed class SampleSizeTests
{
    [Theory]
    [InlineData(Cadence.Annually, 1)]
    [InlineData(Cadence.Quarterly, 2)]
    [InlineData(Cadence.Monthly, 2)]
    [InlineData(Cadence.Weekly, 5)]
    [InlineData(Cadence.Daily, 25)]
    [InlineData(Cadence.Continuous, 40)]
    public void A_cadence_fixes_the_size(Cadence cadence, int size)
    {
        Assert.Equal(size, SampleSizes.ForCadence(cadence));
        var rule = SampleSizes.RuleFor(cadence);
        Assert.Equal((SampleBasis.Cadence, size), (rule.Basis, rule.LargestSize));
        Assert.Equal(size, rule.SizeFor(0));
        Assert.Equal(size, rule.SizeFor(1_000_000));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(7, 7)]
    [InlineData(10, 10)]
    [InlineData(11, 8)]
    [InlineData(50, 8)]
    [InlineData(51, 15)]
    [InlineData(250, 15)]
    [InlineData(251, 25)]
    [InlineData(1_000_000, 25)]
    public void An_occurrence_driven_population_takes_every_event_up_to_10_then_8_15_and_25(long population, int size)
    {
        Assert.Equal(size, SampleSizes.ForOccurrences(population));
        Assert.Equal(size, SampleRule.ByOccurrences.SizeFor(population));
    }

    [Fact]
    public void A_negative_population_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizes.ForOccurrences(-1));

    [Theory]
    [InlineData(40, 90, 40)]
    [InlineData(40, 30, 30)]
    [InlineData(1, 365, 1)]
    [InlineData(2, 1, 1)]
    public void A_cadence_sample_has_one_stratum_per_event_and_at_most_one_per_day(int size, int days, int strata) =>
        Assert.Equal(strata, SampleRule.ByCadence(size).StrataFor(days));

    [Fact]
    public void A_sample_by_occurrences_has_no_strata() => Assert.Equal(0, SampleRule.ByOccurrences.StrataFor(365));
}
