using System;
using System.Linq;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.ShippedSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// The shipped <c>ocsf</c> source over OCSF events: published examples of the OCSF project and events written from its
/// schema for the classes without one (Fixtures/ocsf/NOTICE.md). Each class the source reads maps.
/// </summary>
public sealed class OcsfSourceTests
{
    [Theory]
    [InlineData("published-examples.jsonl", "fed06f42-cb12-4764-8c69-example", "auth.login", "success", "user:anaya")]
    [InlineData("published-examples.jsonl", "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a", "auth.login", "success", "user:john.doe@example.com")]
    [InlineData("schema-classes.jsonl", "ec-3003-0001", "policy.decision", "allow", "user:svc-backup")]
    [InlineData("published-examples.jsonl", "7dd15a89-ae0f-4340-8e6c-example", "access.granted", "direct", null)]
    [InlineData("schema-classes.jsonl", "ec-3005-0001", "access.granted", "direct", "user:it-admin@northwind.example")]
    [InlineData("schema-classes.jsonl", "ec-3007-0001", "access.revoked", "direct", "user:it-admin@northwind.example")]
    [InlineData("published-examples.jsonl", "71c88be9-ea5c-43c7-8c82-example", "api.call", "allow", "user:Level6")]
    [InlineData("schema-classes.jsonl", "ec-6003-0001", "api.call", "deny", "user:ci-deployer")]
    public void Each_class_maps(string file, string uid, string type, string outcome, string? actor)
    {
        string line = OcsfLine(file, "\"uid\":\"" + uid + "\"");

        var e = MappedRun.Of(Get("ocsf"), line).Single;

        Assert.Equal(uid, e.Id);
        Assert.Equal(type, e.Type);
        Assert.Equal(outcome, e.Outcome);
        Assert.Equal(Account, e.Account);
        if (actor is not null)
        {
            Assert.Equal(actor, e.Actor);
        }

        using var record = System.Text.Json.JsonDocument.Parse(line);
        AssertProvenance(e, "ocsf", record.RootElement.GetProperty("type_uid").GetRawText(), line);
    }

    [Fact]
    public void An_authentication_maps_field_by_field_with_its_time_in_milliseconds()
    {
        string line = OcsfLine("published-examples.jsonl", "fed06f42-cb12-4764-8c69-example");

        var e = MappedRun.Of(Get("ocsf"), line).Single;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1699633474000), e.Time);
        Assert.Equal("192.0.2.0", e.Ip);
        Assert.Equal("arn:aws:iam::111122223333:user/anaya", e.Resource);
    }

    [Fact]
    public void An_account_created_names_the_new_user_as_its_resource()
    {
        string line = OcsfLine("published-examples.jsonl", "7dd15a89-ae0f-4340-8e6c-example");

        var e = MappedRun.Of(Get("ocsf"), line).Single;

        Assert.Equal("test_user2", e.Resource);
        Assert.Equal("52.95.4.21", e.Ip);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1679072879000), e.Time);
    }

    [Fact]
    public void A_detection_finding_takes_its_severity_as_the_outcome()
    {
        string line = OcsfLine("published-examples.jsonl", "\"class_uid\":2004");

        var e = MappedRun.Of(Get("ocsf"), line).Single;

        Assert.Equal("detection.finding", e.Type);
        Assert.Equal("low", e.Outcome);
        Assert.Equal("service:GuardDuty", e.Actor);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1695135922487), e.Time);
        Assert.StartsWith("arn:aws:guardduty:", e.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_is_read_as_OCSF_writes_it_even_where_an_example_wrote_seconds()
    {
        // The Okta example's time is 1723564700 (seconds); OCSF's timestamp_t is milliseconds, so it is a time in 1970.
        string line = OcsfLine("published-examples.jsonl", "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a");

        var e = MappedRun.Of(Get("ocsf"), line).Single;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1723564700), e.Time);
    }

    [Fact]
    public void The_release_candidate_API_Activity_that_had_uid_3005_is_not_read_as_access_management()
    {
        string line = OcsfLine("published-examples.jsonl", "\"version\":\"1.0.0-rc.2\"");

        var run = MappedRun.Of(Get("ocsf"), line);

        Assert.Empty(run.Events);
        Assert.Equal([new("300502", 1)], run.Counts.UnmappedByName.Names);
    }

    [Fact]
    public void A_record_that_is_not_OCSF_is_rejected_naming_the_source()
    {
        string line = SampleLine("azure-signin.jsonl", "ropc-fail-001");

        var run = MappedRun.Of(Get("ocsf"), line);

        Assert.Equal("not an OCSF record: /class_uid is missing", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void Every_fixture_is_accounted_for()
    {
        foreach (string file in new[] { "published-examples.jsonl", "schema-classes.jsonl" })
        {
            var lines = System.IO.File.ReadAllLines(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "ocsf", file));
            var run = MappedRun.Of(Get("ocsf"), string.Join("\n", lines) + "\n");

            Assert.Equal(lines.Length, run.Counts.Read);
            Assert.Empty(run.Rejections);
            Assert.Equal(lines.Length, run.Events.Count + run.Counts.Unmapped);
        }
    }
}
