using System;
using System.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

/// <summary>A silent day takes one control's evidence away for a day and nothing else: the day keeps its events, the others their evidence.</summary>
public sealed class SilentDayTests
{
    private static readonly CalendarDate Silent = new(2026, 3, 5);

    [Fact]
    public void The_silenced_control_has_no_evidence_that_day_and_every_other_control_and_day_keeps_its_own()
    {
        var options = SyntheticRun.Options(days: 10, perDay: 800) with { SilentDays = new[] { new SilentDay("IAM-01", Silent) }.ToEquatableArray() };

        var run = SyntheticRun.Generate(options);

        Assert.Equal(["IAM-01 on 2026-03-05"], ControlCoverageTests.MissingEvidence(run));
        Assert.Equal(10 * 800, run.Events.Count);
        Assert.Equal(800, run.Events.Count(e => e.Date == Silent));
    }

    [Fact]
    public void Only_the_silent_day_differs_from_the_run_without_it()
    {
        var plain = SyntheticRun.Events(SyntheticRun.Options(days: 6, perDay: 300));
        var silenced = SyntheticRun.Events(SyntheticRun.Options(days: 6, perDay: 300) with { SilentDays = new[] { new SilentDay("IAM-01", Silent) }.ToEquatableArray() });

        Assert.Equal(plain.Where(e => e.Date != Silent), silenced.Where(e => e.Date != Silent));
        Assert.NotEqual(plain.Where(e => e.Date == Silent).Select(e => e.Type), silenced.Where(e => e.Date == Silent).Select(e => e.Type));
    }

    [Theory]
    [InlineData("XYZ-01", "the silent day 2026-03-05 names the control 'XYZ-01', which the catalog does not declare")]
    [InlineData("ETH-01", "the control 'ETH-01' has no evidence rule on a declared event type, so it has no evidence to silence on 2026-03-05")]
    public void A_control_the_catalog_does_not_declare_or_that_has_no_evidence_cannot_be_silenced(string control, string problem)
    {
        var options = SyntheticRun.Options(days: 6) with { SilentDays = new[] { new SilentDay(control, Silent) }.ToEquatableArray() };

        Assert.Equal(problem, SyntheticEventGenerator.FindProblem(SyntheticRun.Model, options));
        Assert.Equal(problem, Assert.Throws<ArgumentException>(() => new SyntheticEventGenerator(SyntheticRun.Model, options)).Message);
    }

    [Fact]
    public void A_silent_day_outside_the_run_is_refused()
    {
        var options = SyntheticRun.Options(days: 3) with { SilentDays = new[] { new SilentDay("IAM-01", new CalendarDate(2026, 4, 1)) }.ToEquatableArray() };

        Assert.Equal("the silent day 2026-04-01 of IAM-01 is outside the run, 2026-03-01 to 2026-03-03", options.FindProblem());
    }
}
