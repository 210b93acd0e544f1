using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Sampling;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using static EvidenceCatalog.Runtime.Tests.Sampling.SampleReproducibilityTests;

namespace EvidenceCatalog.Runtime.Tests.Sampling;

/// <summary>
/// How a sample is drawn: one event from each stratum of the window, in time order; a population no larger than the size
/// whole; the draws of empty strata from the rest of the window; an occurrence-driven sample by its population's size;
/// and never more than a few candidates per event to draw, however large the population.
/// </summary>
public sealed class SampleSelectionTests
{
    private static readonly CalendarDate From = new(2026, 1, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);

    [Fact]
    public void A_continuous_control_draws_one_event_from_each_of_its_40_strata_across_the_window()
    {
        var lines = Population().ToList();
        var sample = Samples(Options(From, To), lines).Controls["IAM-01"];

        Assert.Equal(("cadence", "continuous", 40, 450L), (sample.Basis, sample.Cadence, sample.Size, sample.PopulationSize));
        Assert.Equal(40, sample.Strata!.Count);
        Assert.Equal(("2026-01-01", "2026-03-31"), (sample.Strata[0].From, sample.Strata[^1].To));
        Assert.All(sample.Strata, s => Assert.Equal((1, 1), (s.Allotted, s.Drawn)));
        Assert.Equal(450L, sample.Strata.Sum(s => s.Population));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (int?)i), sample.Events.Select(e => e.Stratum));
        foreach (var e in sample.Events)
        {
            var stratum = sample.Strata[e.Stratum!.Value - 1];
            string date = e.Time[..10];
            Assert.InRange(string.CompareOrdinal(date, stratum.From), 0, int.MaxValue);
            Assert.InRange(string.CompareOrdinal(date, stratum.To), int.MinValue, 0);
        }
    }

    [Fact]
    public void Sampled_events_are_the_populations_own_as_they_were_given()
    {
        var lines = Population().ToList();
        var sample = Samples(Options(From, To), lines).Controls["IAM-01"];

        foreach (var e in sample.Events)
        {
            string line = Assert.Single(lines, l => l.Contains($"\"id\":\"{e.Id}\"", StringComparison.Ordinal));
            Assert.Equal(Line(e.Id, e.Time, e.Type, e.Outcome, e.Actor), line);
        }
    }

    [Fact]
    public void A_population_no_larger_than_the_size_is_drawn_whole()
    {
        var lines = Population(days: 90, perDay: 5).Where((_, i) => i % 15 == 0).ToList();
        var sample = Samples(Options(From, To), lines).Controls["IAM-01"];

        Assert.Equal(30L, sample.PopulationSize);
        Assert.Equal(30, sample.Events.Count);
        Assert.Equal(sample.Events.OrderBy(e => e.Time, StringComparer.Ordinal).Select(e => e.Id), sample.Events.Select(e => e.Id));
    }

    [Fact]
    public void The_draws_of_a_stratum_without_events_come_from_the_rest_of_the_window()
    {
        string[] lines =
        [
            Line("r1", "2026-01-05T02:00:00Z", "backup.restore_tested", "success", "service:backup-runner"),
            Line("r2", "2026-01-19T02:00:00Z", "backup.restore_tested", "success", "service:backup-runner"),
            Line("r3", "2026-02-02T02:00:00Z", "backup.restore_tested", "failure", "service:backup-runner"),
        ];

        var sample = Samples(Options(From, To), lines).Controls["BCK-02"];

        Assert.Equal(("quarterly", 2, 3L), (sample.Cadence, sample.Size, sample.PopulationSize));
        Assert.Equal([(3L, 1, 1), (0L, 1, 0)], sample.Strata!.Select(s => (s.Population, s.Allotted, s.Drawn)));
        Assert.Equal(2, sample.Events.Count);
        Assert.Equal([1, null], sample.Events.Select(e => e.Stratum).OrderBy(s => s ?? int.MaxValue));
    }

    [Fact]
    public void An_empty_population_has_an_empty_sample_and_still_a_seed()
    {
        var sample = Samples(Options(From, To), Population()).Controls["VEN-01"];

        Assert.Equal((0L, 1), (sample.PopulationSize, sample.Size));
        Assert.Empty(sample.Events);
        Assert.Equal(new string('0', 32), sample.PopulationDigest);
        Assert.Equal(64, sample.Seed.Length);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(30, 8)]
    [InlineData(200, 15)]
    [InlineData(5000, 25)]
    public void An_occurrence_driven_sample_is_sized_by_its_population_and_drawn_from_the_whole_window(int population, int drawn)
    {
        var sampler = new ControlSampler(StratumLayoutTests.Control(), SampleRule.ByOccurrences, 90);
        var window = new ReportWindow(From, To, TimeZoneInfo.Utc);
        foreach (var (auditEvent, day) in Events(population, 90))
        {
            Offer(sampler, auditEvent, day);
        }

        var sample = sampler.Draw(Org, window);

        Assert.Equal(("occurrences", drawn, (long)population), (sample.Basis, sample.Size, sample.PopulationSize));
        Assert.Null(sample.Strata);
        Assert.Equal(drawn, sample.Events.Count);
        Assert.All(sample.Events, e => Assert.Null(e.Stratum));
        Assert.Equal(drawn, sample.Events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Candidates_stay_bounded_however_large_the_population()
    {
        var sampler = new ControlSampler(StratumLayoutTests.Control(), SampleRule.ByCadence(40), 90);
        int most = 0;
        foreach (var (auditEvent, day) in Events(200_000, 90))
        {
            Offer(sampler, auditEvent, day);
            most = Math.Max(most, sampler.CandidatesHeld);
        }

        Assert.Equal(200_000L, sampler.Population);
        Assert.InRange(most, 1, 2 * ControlSampler.CandidatesPerDraw * 40);
        Assert.Equal(40, sampler.Draw(Org, new ReportWindow(From, To, TimeZoneInfo.Utc)).Events.Count);
    }

    private static void Offer(ControlSampler sampler, AuditEvent auditEvent, int day)
    {
        var element = PopulationSampler.ElementOf(auditEvent);
        if (sampler.Count(element, day, Encoding.UTF8.GetBytes(auditEvent.Id)))
        {
            sampler.Add(element, day, auditEvent);
        }
    }

    private static IEnumerable<(AuditEvent Event, int Day)> Events(int count, int days)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            int day = (int)((long)i * days / count);
            yield return (new AuditEvent($"o-{i}", start.AddDays(day).AddSeconds(i % 86_400), "incident.opened", null, "service:pager", Org), day);
        }
    }
}
