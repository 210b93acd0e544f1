using System;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// How many events of a control's population are sampled: fixed by the control's cadence, or, for a control whose
/// evidence is driven by occurrences, by the size of its population. The table is the one of Chiaro-HQ/methodology,
/// method/type2-testing.md ("When we sample anyway", CC BY 4.0); docs/report-format.md ("samples") quotes it.
/// </summary>
public static class SampleSizes
{
    /// <summary>The sample size of an occurrence-driven control whose population is larger than 250.</summary>
    public const int LargestOccurrenceSample = 25;

    /// <summary>The fixed sample size of a control operating at <paramref name="cadence"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cadence has no fixed size (it is not one of the six periodic cadences).</exception>
    public static int ForCadence(Cadence cadence) => cadence switch
    {
        Cadence.Annually => 1,
        Cadence.Quarterly => 2,
        Cadence.Monthly => 2,
        Cadence.Weekly => 5,
        Cadence.Daily => 25,
        Cadence.Continuous => 40,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "this cadence has no fixed sample size"),
    };

    /// <summary>
    /// The sample size of an occurrence-driven control with <paramref name="population"/> events: every event up to 10,
    /// 8 for 11–50, 15 for 51–250, 25 above 250.
    /// </summary>
    public static int ForOccurrences(long population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        return population switch
        {
            <= 10 => (int)population,
            <= 50 => 8,
            <= 250 => 15,
            _ => LargestOccurrenceSample,
        };
    }

    /// <summary>The rule that sizes the sample of a control with <paramref name="cadence"/>.</summary>
    public static SampleRule RuleFor(Cadence cadence) => cadence switch
    {
        Cadence.OnOccurrence => SampleRule.ByOccurrences,
        _ => SampleRule.ByCadence(ForCadence(cadence)),
    };
}

/// <summary>How a control's sample is sized: <see cref="SampleBasis.Cadence"/> (a fixed size) or <see cref="SampleBasis.Occurrences"/>.</summary>
/// <param name="Basis">What the size follows.</param>
/// <param name="LargestSize">The fixed size, or the largest size the occurrence table gives.</param>
public sealed record SampleRule(SampleBasis Basis, int LargestSize)
{
    /// <summary>Sized by the population (<see cref="SampleSizes.ForOccurrences"/>), drawn from the whole window.</summary>
    public static readonly SampleRule ByOccurrences = new(SampleBasis.Occurrences, SampleSizes.LargestOccurrenceSample);

    /// <summary>A fixed size, drawn across the window's days in strata.</summary>
    public static SampleRule ByCadence(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return new SampleRule(SampleBasis.Cadence, size);
    }

    /// <summary>The sample size for a population of <paramref name="population"/> events (before it is capped by the population).</summary>
    public int SizeFor(long population) => Basis == SampleBasis.Cadence ? LargestSize : SampleSizes.ForOccurrences(population);

    /// <summary>Strata over a window of <paramref name="windowDays"/> days: one per sampled event, at most one per day; none by occurrences.</summary>
    public int StrataFor(int windowDays) => Basis == SampleBasis.Cadence ? Math.Min(LargestSize, windowDays) : 0;
}

/// <summary>What a control's sample size follows.</summary>
public enum SampleBasis
{
    /// <summary>The control's cadence: a fixed size, drawn in strata across the window.</summary>
    Cadence,

    /// <summary>The number of occurrences in the window (controls declared <c>on-occurrence</c>).</summary>
    Occurrences,
}
