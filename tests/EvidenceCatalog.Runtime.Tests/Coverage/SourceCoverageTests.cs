using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Coverage;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Tests.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Coverage;

/// <summary>
/// What a log source's files give as evidence (the real samples through the test definitions): each native name with
/// the types, outcomes, controls and criteria it maps to, the unmapped names, the rejection reasons, the criteria
/// evidenced and those not — every count adding up to what was read.
/// </summary>
public sealed class SourceCoverageTests
{
    private static Task<SourceCoverage> Cover(params (string File, Model.LogSource Source)[] files) =>
        new SourceCoverageJob(Infrastructure.Events.Catalog) { Clock = Infrastructure.Events.Clock }.RunAsync(new MappedJsonSource(
            files.Select(f => new MappedInput(JsonLinesInput.Stream(f.File, () => new MemoryStream(SourceSamples.Read(f.File))), f.Source)).ToArray()));

    [Fact]
    public async Task Every_record_is_accounted_for_per_source()
    {
        var coverage = await Cover(("aws-cloudtrail.jsonl", CloudTrail), ("okta-system-log.jsonl", Okta));

        Assert.Equal(["aws-cloudtrail", "okta-system-log"], coverage.Sources.Select(s => s.Id));
        foreach (var section in coverage.Sources)
        {
            var counts = section.Counts;
            Assert.Equal(counts.Read, counts.Accepted + counts.Duplicates + counts.Rejected + counts.Unmapped);
            Assert.Equal(counts.Accepted, section.Mapped.Sum(m => m.Events) + section.MappedOther);
            Assert.Equal(counts.Rejected, section.Rejections.Sum(r => r.Count) + section.RejectionsOther);
            Assert.All(section.Mapped, m => Assert.Equal(m.Events, m.Mappings.Sum(c => c.Events)));
        }

        Assert.Equal(coverage.Total, coverage.Sources[0].Counts + coverage.Sources[1].Counts);
    }

    [Fact]
    public async Task A_native_name_shows_each_type_and_outcome_it_became_with_the_controls_and_criteria()
    {
        var coverage = await Cover(("aws-cloudtrail.jsonl", CloudTrail));

        var signIn = coverage.Sources[0].Mapped.Single(m => m.Name == "signin.amazonaws.com:ConsoleLogin");
        Assert.Equal([("auth.login", "success"), ("auth.login", "failure")], signIn.Mappings.Select(c => (c.Type, c.Outcome)));
        Assert.All(signIn.Mappings, c => Assert.Equal(["IAM-01"], c.Controls));
        Assert.All(signIn.Mappings, c => Assert.Equal(["CC6.1"], c.Criteria));
    }

    [Fact]
    public async Task Criteria_are_split_into_evidenced_and_not_with_whether_a_rule_could_give_them()
    {
        var coverage = await Cover(("aws-cloudtrail.jsonl", CloudTrail));

        Assert.Equal(["CC6.1", "CC6.2", "CC6.3", "CC7.3"], coverage.Evidenced.Select(e => e.Criterion));
        var keys = coverage.NotEvidenced.Single(g => g.Criterion == "CC6.7");
        var monitoring = coverage.NotEvidenced.Single(g => g.Criterion == "CC7.2");
        Assert.True(keys.MappedBySource, "the KMS rotation rule maps to crypto.key_rotated, which CRY-01 takes");
        Assert.False(monitoring.MappedBySource);
        Assert.Equal(["monitoring.heartbeat (ok, missed)", "anomaly.alert", "detection.finding", "monitoring.config_changed (enabled, changed, disabled)"], monitoring.EventTypes);
        int provenByEvents = Infrastructure.Events.Catalog.Model.Controls.Where(c => c.Evidence.Count > 0).SelectMany(c => c.Criteria).Distinct().Count();
        Assert.Equal(provenByEvents, coverage.Evidenced.Count + coverage.NotEvidenced.Count);
        Assert.Equal(Infrastructure.Events.Catalog.Model.Criteria.Count() - provenByEvents, coverage.CriteriaWithoutEventEvidence);
    }

    [Fact]
    public async Task Rejection_reasons_that_differ_only_in_a_value_are_counted_together()
    {
        var coverage = await Cover(("aws-cloudtrail.jsonl", CloudTrail));

        var reasons = coverage.Sources[0].Rejections;
        Assert.Contains(reasons, r => r.Reason == "time /eventTime '…': a date-time without offset, which the source does not declare (declared: rfc3339)" && r.Count > 1);
        Assert.Equal(
            "not an Okta System Log record: /eventType is '…', not 'x'",
            RejectionReasons.WithoutValues("not an Okta System Log record: /eventType is 'user.session.start', not 'x'"));
        Assert.Equal("rule 'console sign-in': no outcome", RejectionReasons.WithoutValues("rule 'console sign-in': no outcome"));
    }

    [Fact]
    public async Task Evidence_events_have_no_coverage()
    {
        var input = JsonLinesInput.Stream("events.jsonl", () => new MemoryStream());

        await Assert.ThrowsAsync<System.ArgumentException>(() => new SourceCoverageJob(Infrastructure.Events.Catalog).RunAsync(new MappedJsonSource([new MappedInput(input, null)])));
    }
}
