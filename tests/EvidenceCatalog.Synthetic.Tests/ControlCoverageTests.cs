using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Synthetic;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

/// <summary>At the default rate every control with evidence rules has evidence every day (manual controls have none to get).</summary>
public sealed class ControlCoverageTests
{
    [Fact]
    public void Every_control_has_evidence_on_every_day_of_a_30_day_run_at_the_default_rate()
    {
        var run = SyntheticRun.Generate(SyntheticRun.Options(days: 30));

        var missing = MissingEvidence(run).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(2UL, 500)]
    [InlineData(7UL, 600)]
    [InlineData(12345UL, 5000)]
    public void Every_control_has_evidence_every_day_whatever_the_seed(ulong seed, int perDay)
    {
        var run = SyntheticRun.Generate(SyntheticRun.Options(days: 10, perDay: perDay, seed: seed));

        Assert.Empty(MissingEvidence(run));
    }

    [Fact]
    public void A_day_with_fewer_events_than_controls_still_writes_exactly_per_day_events()
    {
        var run = SyntheticRun.Generate(SyntheticRun.Options(days: 3, perDay: 3));

        Assert.Equal(9, run.Events.Count);
    }

    [Fact]
    public void A_catalog_with_a_type_the_table_does_not_know_still_gets_it_and_its_control_evidence()
    {
        var model = SyntheticRun.Model;
        var newType = new EventType("badge.scanned", "A door badge scanned at an office.", "physical", new[] { "granted", "refused" }.ToEquatableArray());
        var newControl = model.Controls[0] with
        {
            Id = "PHY-01",
            Evidence = new[] { new EvidenceRule("badge.scanned", new[] { "refused" }.ToEquatableArray(), null) }.ToEquatableArray(),
        };
        var extended = model with
        {
            EventTypes = model.EventTypes.Append(newType).ToEquatableArray(),
            Controls = model.Controls.Append(newControl).ToEquatableArray(),
        };

        using var stream = new System.IO.MemoryStream();
        new SyntheticEventGenerator(extended, SyntheticRun.Options(days: 5)).Write(stream);
        var events = SyntheticRun.Read(stream.ToArray());

        var refusedDays = events.Where(e => e.Type == "badge.scanned" && e.Outcome == "refused").Select(e => e.Date).Distinct().Count();
        Assert.Equal(5, refusedDays);
    }

    /// <summary>(control, day) pairs of the controls with evidence rules without a single evidence event, judged by the catalog's own mapping.</summary>
    internal static IEnumerable<string> MissingEvidence(GeneratedEvents run)
    {
        var catalog = new ModelEvidenceCatalog(SyntheticRun.Model);
        var covered = new HashSet<(string Control, CalendarDate Date)>();
        foreach (var e in run.Events)
        {
            foreach (var control in catalog.ControlsFor(e.Type, e.Outcome))
            {
                covered.Add((control.Id, e.Date));
            }
        }

        for (int day = 0; day < run.Options.Days; day++)
        {
            var date = run.Options.DateAt(day);
            foreach (var control in SyntheticRun.Model.Controls.Where(c => c.Evidence.Count > 0))
            {
                if (!covered.Contains((control.Id, date)))
                {
                    yield return control.Id + " on " + date;
                }
            }
        }
    }
}
