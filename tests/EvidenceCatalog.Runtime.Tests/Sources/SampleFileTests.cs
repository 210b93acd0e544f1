using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// The real-shaped samples of shared/samples/source-events through the test definitions: every record ends mapped,
/// unmapped (under its native name) or rejected with a reason; nothing crashes and nothing is dropped.
/// </summary>
public sealed class SampleFileTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "aws-cloudtrail.jsonl", "aws-cloudtrail" },
        { "okta-system-log.jsonl", "okta-system-log" },
        { "github-audit-log.jsonl", "github-audit-log" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_record_is_mapped_unmapped_or_rejected_with_a_reason(string file, string sourceId)
    {
        var source = Source(sourceId);
        byte[] bytes = SourceSamples.Read(file);
        int records = Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.Trim().Length > 0);

        var run = MappedRun.Of(source, bytes, file);

        Assert.Equal(records, run.Counts.Read);
        Assert.Equal(run.Counts.Read, run.Events.Count + run.Counts.Duplicates + run.Counts.Rejected + run.Counts.Unmapped);
        Assert.True(run.Events.Count > 0, "no record was mapped");
        Assert.True(run.Counts.Unmapped > 0, "no record was unmapped");
        Assert.All(run.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.All(run.Counts.UnmappedByName.Names, n => Assert.False(string.IsNullOrEmpty(n.Name)));
        Assert.Null(run.Input.Provenance.Damaged);
        Assert.Equal("json-lines", run.Input.Provenance.Container);
        Assert.Equal(sourceId, run.Input.Provenance.LogSource);
        Assert.All(run.Events, e => Assert.Contains("\"source\":\"" + sourceId + "\"", e.Attributes, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_CloudTrail_console_sign_in_is_mapped_field_by_field()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "fed06f42-cb12-4764-8c69-121063dc79b9");

        var e = MappedRun.Of(TestLogSources.CloudTrail, line).Single;

        Assert.Equal("fed06f42-cb12-4764-8c69-121063dc79b9", e.Id);
        Assert.Equal(new System.DateTimeOffset(2022, 11, 10, 16, 24, 34, System.TimeSpan.Zero), e.Time);
        Assert.Equal("auth.login", e.Type);
        Assert.Equal("success", e.Outcome);
        Assert.Equal("aws:arn:aws:iam::111122223333:user/anaya", e.Actor);
        Assert.Equal("northwind-cloud", e.Account);
        Assert.Equal("192.0.2.0", e.Ip);
        Assert.Null(e.Resource);
        Assert.Matches("^\\{\"source\":\"aws-cloudtrail\",\"nativeName\":\"signin.amazonaws.com:ConsoleLogin\",\"recordSha256\":\"[0-9a-f]{64}\"\\}$", e.Attributes);
    }

    [Fact]
    public void A_failed_CloudTrail_sign_in_without_an_arn_falls_back_to_the_principal()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "d38ce1b3-4575-4cb8-a632-611b8243bfc3");

        var e = MappedRun.Of(TestLogSources.CloudTrail, line).Single;

        Assert.Equal("failure", e.Outcome);
        Assert.Equal("aws:AIDACKCEVSQ6C2EXAMPLE", e.Actor);
    }

    [Fact]
    public void A_CloudTrail_record_without_a_time_is_rejected_with_the_field()
    {
        string line = Encoding.UTF8.GetString(SourceSamples.Read("aws-cloudtrail.jsonl")).Split('\n')[21];

        var run = MappedRun.Of(TestLogSources.CloudTrail, line);

        Assert.Equal("no time: /eventTime is missing", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void An_Okta_sign_in_with_a_utc_date_time_is_mapped_field_by_field()
    {
        string line = SampleLine("okta-system-log.jsonl", "2a992f80-d1ad-4f62-900e-8c68bb72a21b");

        var e = MappedRun.Of(TestLogSources.Okta, line).Single;

        Assert.Equal("2a992f80-d1ad-4f62-900e-8c68bb72a21b", e.Id);
        Assert.Equal(new System.DateTimeOffset(2020, 11, 25, 21, 27, 3, 496, System.TimeSpan.Zero), e.Time);
        Assert.Equal("access.granted", e.Type);
        Assert.Equal("approved", e.Outcome);
        Assert.Equal("user:jack@acme.io", e.Actor);
        Assert.Equal("alice@acme.io", e.Resource);
        Assert.Equal("136.24.229.58", e.Ip);
    }

    [Fact]
    public void Unmapped_Okta_records_are_counted_under_their_event_type()
    {
        var run = MappedRun.Of(TestLogSources.Okta, SourceSamples.Read("okta-system-log.jsonl"));

        Assert.Contains(run.Counts.UnmappedByName.Names, n => n.Name == "system.mfa.factor.deactivate" && n.Count >= 1);
    }

    [Fact]
    public void Okta_records_of_another_export_shape_are_rejected_naming_the_source_and_the_condition()
    {
        // Some fixtures spell the members in lower case ("eventtype"): not what this definition recognises.
        var run = MappedRun.Of(TestLogSources.Okta, SourceSamples.Read("okta-system-log.jsonl"));

        Assert.Contains(run.Rejections, r => r.Reason == "not an Okta System Log record: /eventType is missing");
    }

    [Fact]
    public void A_GitHub_entry_with_epoch_milliseconds_is_read_to_the_millisecond()
    {
        string line = SampleLine("github-audit-log.jsonl", "gAcccccccccccccccccccc");
        var unmapped = MappedRun.Of(TestLogSources.GitHub, line);
        Assert.Equal(1, unmapped.Counts.Unmapped);

        var source = TestLogSources.GitHub with { Rules = TestLogSources.Array(TestLogSources.Rule(null, "api.call", TestLogSources.Outcome("allow"))) };
        var e = MappedRun.Of(source, line).Single;

        Assert.Equal(System.DateTimeOffset.FromUnixTimeMilliseconds(1671111111111), e.Time);
        Assert.Equal("github:bobert", e.Actor);
    }

    private static LogSource Source(string id) => id switch
    {
        "aws-cloudtrail" => TestLogSources.CloudTrail,
        "okta-system-log" => TestLogSources.Okta,
        _ => TestLogSources.GitHub,
    };

    private static string SampleLine(string file, string contains) =>
        Encoding.UTF8.GetString(SourceSamples.Read(file)).Split('\n').First(l => l.Contains(contains, System.StringComparison.Ordinal));
}
