using System.Linq;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using TestEvents = EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Oscal;

/// <summary>A report's window as OSCAL Assessment Results.</summary>
public sealed class AssessmentResultsTests
{
    [Fact]
    public void Report_export_adds_the_assessment_results_and_every_document_passes_its_official_schema()
    {
        var documents = OscalRun.ForReport(OscalRun.Report(skipDay: d => d == 10));
        Assert.Equal(["catalog-soc2.json", "component-definition.json", "assessment-results.json"], documents.Select(d => d.FileName));
        foreach (var document in documents)
        {
            Assert.Equal([], OscalSchemas.Errors(OscalSchemas.ForFileName(document.FileName), document.Content));
        }
    }

    [Fact]
    public void One_result_spans_the_assessment_period_and_reviews_every_criterion_in_scope()
    {
        var report = OscalRun.Report();
        var results = OscalRun.Parse(OscalRun.ForReport(report), "assessment-results.json")["assessment-results"]!;
        var result = Assert.Single(results["results"]!.AsArray())!;
        Assert.Equal(report.Meta.Window.StartUtc, result["start"]!.GetValue<string>());
        Assert.Equal(report.Meta.Window.EndUtc, result["end"]!.GetValue<string>());
        Assert.Equal(report.Meta.Window.EndUtc, results["metadata"]!["last-modified"]!.GetValue<string>());
        var reviewed = result["reviewed-controls"]!["control-selections"]![0]!["include-controls"];
        // Every criterion of the framework but those of categories out of scope (the report's criteria view).
        Assert.Equal(
            TestEvents.Catalog.Model.Frameworks[0].Criteria.Select(c => c.Id).Where(id => report.Criteria[id].Status != "out-of-scope"),
            OscalRun.Strings(reviewed, "control-id"));
        Assert.Equal("true", OscalRun.Prop(result, "type-ii"));
    }

    [Fact]
    public void Observation_per_control_carries_its_population_counts_by_outcome_and_its_sample_event_ids()
    {
        var report = OscalRun.Report();
        var result = OscalRun.Parse(OscalRun.ForReport(report), "assessment-results.json")["assessment-results"]!["results"]![0]!;
        var observations = result["observations"]!.AsArray();
        Assert.Equal(report.Controls.Keys, observations.Select(o => o!["title"]!.GetValue<string>().Split(' ')[0]));
        foreach (var observation in observations)
        {
            var evidence = report.Controls[observation!["title"]!.GetValue<string>().Split(' ')[0]];
            Assert.Equal(evidence.EvidenceCount.ToString(), OscalRun.Prop(observation, "evidence-count"));
            Assert.Equal(evidence.Outcomes.Values.Sum(), evidence.Outcomes.Keys.Sum(o => long.Parse(OscalRun.Prop(observation, "evidence-count", o)!)));
            Assert.Equal(evidence.Coverage.DaysWithEvidence.ToString(), OscalRun.Prop(observation, "days-with-evidence"));
            var sampleIds = observation["relevant-evidence"]!.AsArray().Select(e => OscalRun.Prop(e!, "event-id")).Where(id => id is not null);
            var sample = report.Samples.Controls[observation["title"]!.GetValue<string>().Split(' ')[0]].Events;
            Assert.Equal(sample.Select(s => s.Id), sampleIds);
        }
    }

    [Fact]
    public void A_day_without_evidence_is_an_exception_of_the_controls_that_had_to_operate_and_fails_the_criteria_they_claim()
    {
        var report = OscalRun.Report(skipDay: d => d == 10);
        var result = OscalRun.Parse(OscalRun.ForReport(report), "assessment-results.json")["assessment-results"]!["results"]![0]!;
        Assert.All(result["observations"]!.AsArray(), o =>
        {
            var operation = report.Controls[o!["title"]!.GetValue<string>().Split(' ')[0]].Operation;
            Assert.Equal(operation.Verdict, OscalRun.Prop(o, "status"));
            Assert.Equal(operation.Exceptions.Select(e => e.Period), OscalRun.Props(o, "exception"));
        });
        Assert.Contains(result["observations"]!.AsArray(), o => OscalRun.Props(o!, "exception").SequenceEqual(["2026-01-11"]));
        foreach (var finding in result["findings"]!.AsArray())
        {
            string criterion = finding!["target"]!["target-id"]!.GetValue<string>();
            var status = finding["target"]!["status"]!;
            Assert.Equal(report.Criteria[criterion].Status, OscalRun.Prop(finding, "status"));
            if (report.Criteria[criterion].Status == "exceptions")
            {
                Assert.Equal("not-satisfied", status["state"]!.GetValue<string>());
                Assert.Equal("fail", status["reason"]!.GetValue<string>());
                Assert.NotNull(finding["related-observations"]);
            }
            else if (report.Criteria[criterion].Status == "no-control")
            {
                Assert.Equal("not-satisfied", status["state"]!.GetValue<string>());
                Assert.Null(finding["related-observations"]);
            }
        }

        Assert.Contains(result["findings"]!.AsArray(), f => OscalRun.Prop(f!, "status") == "exceptions");
        Assert.Equal("false", OscalRun.Prop(result, "type-ii"));
    }

    [Fact]
    public void A_criterion_whose_controls_all_operate_is_satisfied_and_points_at_their_observations()
    {
        var report = OscalRun.Report();
        var result = OscalRun.Parse(OscalRun.ForReport(report), "assessment-results.json")["assessment-results"]!["results"]![0]!;
        var observationUuids = OscalRun.Strings(result["observations"], "uuid").ToHashSet();
        var finding = result["findings"]!.AsArray().Single(f => f!["target"]!["target-id"]!.GetValue<string>() == "CC6.1")!;
        Assert.Equal("operating", OscalRun.Prop(finding, "status"));
        Assert.Equal("satisfied", finding["target"]!["status"]!["state"]!.GetValue<string>());
        int claiming = TestEvents.Catalog.Model.Controls.Count(c => c.Criteria.Contains("CC6.1"));
        Assert.Equal(claiming, finding["related-observations"]!.AsArray().Count);
        Assert.All(OscalRun.Strings(finding["related-observations"], "observation-uuid"), uuid => Assert.Contains(uuid, observationUuids));
    }

    [Fact]
    public void A_window_without_evidence_events_gives_each_control_the_reports_verdict_and_satisfies_nothing()
    {
        var report = OscalRun.Report(skipDay: _ => true);
        var result = OscalRun.Parse(OscalRun.ForReport(report), "assessment-results.json")["assessment-results"]!["results"]![0]!;
        Assert.All(result["observations"]!.AsArray(), o =>
        {
            var operation = report.Controls[o!["title"]!.GetValue<string>().Split(' ')[0]].Operation;
            Assert.Equal(operation.Verdict, OscalRun.Prop(o, "status"));
            Assert.NotEqual("operating", operation.Verdict);
        });
        Assert.All(result["findings"]!.AsArray(), f => Assert.Equal("not-satisfied", f!["target"]!["status"]!["state"]!.GetValue<string>()));
    }

    [Fact]
    public void Control_components_share_one_uuid_across_the_component_definition_and_the_results()
    {
        var documents = OscalRun.ForReport(OscalRun.Report());
        var components = OscalRun.Parse(documents, "component-definition.json")["component-definition"]!["components"];
        var result = OscalRun.Parse(documents, "assessment-results.json")["assessment-results"]!["results"]![0]!;
        var subjects = result["observations"]!.AsArray().Select(o => o!["subjects"]![0]!["subject-uuid"]!.GetValue<string>());
        Assert.Equal(OscalRun.Strings(components, "uuid").Order(), subjects.Order());
        Assert.Equal(OscalRun.Strings(components, "uuid").Order(), OscalRun.Strings(result["local-definitions"]!["components"], "uuid").Order());
    }

    [Fact]
    public void A_report_of_other_catalogs_is_refused()
    {
        var report = OscalRun.Report();
        var other = report with { Meta = report.Meta with { CatalogFingerprint = new string('0', 64) } };
        var error = Assert.Throws<OscalExportException>(() => OscalRun.ForReport(other));
        Assert.Contains("fingerprint", error.Message);
    }
}
