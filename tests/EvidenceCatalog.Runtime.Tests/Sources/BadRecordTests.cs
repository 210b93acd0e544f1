using System;
using System.Linq;
using System.Text;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>Records a source cannot map: each rejected with a clear reason, none losing a good record or the counts.</summary>
public sealed class BadRecordTests
{
    private static readonly string Good = ContainerTests.Record(1);

    [Fact]
    public void A_record_of_another_source_is_rejected_naming_the_source_and_the_condition()
    {
        string okta = "{\"eventType\":\"user.session.start\",\"published\":\"2022-03-22 14:21:53.225\"}";

        var run = MappedRun.Of(CloudTrail, okta + "\n" + Good + "\n");

        Assert.Equal("not an AWS CloudTrail record: /eventSource is missing", Assert.Single(run.Rejections).Reason);
        Assert.Single(run.Events);
    }

    [Fact]
    public void A_record_larger_than_the_limit_is_rejected_and_the_next_one_read()
    {
        string huge = Good.Replace(new string('x', 100), new string('x', 1_100_000), StringComparison.Ordinal);

        var lines = MappedRun.Of(CloudTrail, huge + "\n" + Good + "\n");
        var array = MappedRun.Of(CloudTrail, ContainerTests.CloudTrailFile([huge, Good]));

        foreach (var run in new[] { lines, array })
        {
            Assert.StartsWith("record is longer than 1048576 bytes", Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
            Assert.Single(run.Events);
            Assert.Equal(2, run.Counts.Read);
        }
    }

    [Fact]
    public void A_record_nested_deeper_than_an_event_may_be_is_rejected_and_the_next_one_read()
    {
        string deep = "{\"eventSource\":\"a\",\"eventName\":\"b\",\"x\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";

        var lines = MappedRun.Of(CloudTrail, deep + "\n" + Good + "\n");
        var array = MappedRun.Of(CloudTrail, ContainerTests.CloudTrailFile([deep, Good]));

        foreach (var run in new[] { lines, array })
        {
            Assert.Contains("maximum configured depth of 64", Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
            Assert.Single(run.Events);
        }
    }

    [Theory]
    [InlineData("{\"eventSource\":", "invalid JSON")]
    [InlineData("[1,2]", "invalid JSON: a record must be a JSON object")]
    [InlineData(",\"s\":\"\\ud800\"}", "invalid JSON: a string holds an invalid escape")]
    public void Broken_JSON_is_rejected_with_the_reason(string line, string reason)
    {
        // A line starting with a comma extends a good record: a lone surrogate the mapped fields do not read is still found by the record's hash.
        line = line.StartsWith(',') ? Good[..^1] + line : line;
        var run = MappedRun.Of(CloudTrail, Good + "\n" + line + "\n");

        Assert.StartsWith(reason, Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
        Assert.Single(run.Events);
    }

    [Fact]
    public void A_lone_surrogate_in_a_field_the_event_reads_is_rejected()
    {
        string line = Good.Replace("u1\"", "\\ud800\"", StringComparison.Ordinal);

        var run = MappedRun.Of(CloudTrail, line + "\n");

        Assert.Equal("invalid JSON: a string holds an invalid escape (a lone UTF-16 surrogate?)", Assert.Single(run.Rejections).Reason);
    }

    [Theory]
    [InlineData("{\"\\ud800\":1,")]
    [InlineData("{\"userIdentity\":{\"\\udc00x\":1},")]
    public void A_lone_surrogate_in_a_member_name_the_mapper_looks_at_is_rejected_and_the_next_record_read(string start)
    {
        string line = start + Good[1..];

        var run = MappedRun.Of(CloudTrail, line + "\n" + Good + "\n");

        Assert.Equal("invalid JSON: a string holds an invalid escape (a lone UTF-16 surrogate?)", Assert.Single(run.Rejections).Reason);
        Assert.Single(run.Events);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_rejected()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Good[..^1] + ",\"z\":\""), 0xC3, 0x28, .. "\"}\n"u8];

        var run = MappedRun.Of(CloudTrail, bytes);

        Assert.Equal("record is not valid UTF-8", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void A_JSON_Lines_input_cut_in_its_last_record_is_marked_truncated()
    {
        var run = MappedRun.Of(CloudTrail, Good + "\n" + Good[..40]);

        Assert.True(run.Counts.TruncatedLastLine);
        Assert.StartsWith("truncated last line", Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_the_catalog_does_not_declare_is_rejected_by_the_same_rule_as_a_native_event()
    {
        var source = CloudTrail with { Rules = Array(Rule(null, "aws.ConsoleLogin", Outcome(null))) };

        var run = MappedRun.Of(source, Good + "\n");

        Assert.Equal("unknown event type 'aws.ConsoleLogin': declare it in the events catalog or fix the emitter", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void A_time_in_the_future_is_rejected_by_the_same_rule_as_a_native_event()
    {
        var run = MappedRun.Of(CloudTrail, Good.Replace("2026-03-02", "2027-03-02", StringComparison.Ordinal) + "\n");

        Assert.StartsWith("time 2027-03-02T10:00:00Z is in the future", Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
    }
}
