using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>How a log source's input is framed: detected from its first bytes among the containers it declares, streamed, gzip recognised.</summary>
public sealed class ContainerTests
{
    private static readonly string[] Records = Enumerable.Range(1, 5).Select(Record).ToArray();

    [Fact]
    public void JSON_Lines_are_read_line_by_line()
    {
        var run = MappedRun.Of(CloudTrail, string.Join("\n", Records) + "\n");

        Assert.Equal(5, run.Events.Count);
        Assert.Equal("json-lines", run.Input.Provenance.Container);
    }

    [Fact]
    public void A_JSON_array_is_read_element_by_element_numbered_from_1()
    {
        var run = MappedRun.Of(CloudTrail, "[\n" + string.Join(",\n", Records) + "\n]\n");

        Assert.Equal(5, run.Events.Count);
        Assert.Equal("json-array", run.Input.Provenance.Container);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => "e" + i), run.Events.Select(e => e.Id));
    }

    [Fact]
    public void A_gzipped_CloudTrail_file_is_read_record_by_record()
    {
        byte[] file = Gzip(CloudTrailFile(Records));

        var run = MappedRun.Of(CloudTrail, file);

        Assert.Equal(5, run.Counts.Read);
        Assert.Equal(5, run.Events.Count);
        Assert.Equal("cloudtrail-records", run.Input.Provenance.Container);
        Assert.Null(run.Input.Provenance.Damaged);
    }

    [Fact]
    public void A_CloudTrail_file_larger_than_the_read_buffer_streams_through()
    {
        // About 6 MB: several reads, elements cut across buffer boundaries.
        var many = Enumerable.Range(1, 30_000).Select(Record).ToArray();

        var run = MappedRun.Of(CloudTrail, Gzip(CloudTrailFile(many)));

        Assert.Equal(30_000, run.Events.Count);
        Assert.Equal("e30000", run.Events[^1].Id);
    }

    [Fact]
    public void A_rejected_element_is_quarantined_with_its_element_number()
    {
        var records = Records.ToArray();
        records[2] = "{\"eventSource\":\"s3.amazonaws.com\"}";

        var run = MappedRun.Of(CloudTrail, CloudTrailFile(records));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal("not an AWS CloudTrail record: /eventName is missing", rejection.Reason);
        Assert.Equal(records[2], rejection.Text);
    }

    [Fact]
    public void A_truncated_gzipped_CloudTrail_file_keeps_the_records_before_the_cut()
    {
        byte[] whole = Gzip(CloudTrailFile(Enumerable.Range(1, 2000).Select(Record).ToArray()));
        byte[] cut = whole[..(whole.Length / 2)];

        var run = MappedRun.Of(CloudTrail, cut);

        Assert.NotNull(run.Input.Provenance.Damaged);
        Assert.InRange(run.Events.Count, 1, 1999);
        Assert.Equal(Enumerable.Range(1, run.Events.Count).Select(i => "e" + i), run.Events.Select(e => e.Id));
        Assert.Equal(cut.Length, run.Input.Provenance.Bytes);
    }

    [Fact]
    public void A_CloudTrail_file_cut_inside_a_record_counts_that_record_as_truncated_and_marks_the_input_damaged()
    {
        string file = CloudTrailFile(Records);
        string cut = file[..(file.IndexOf("e4", StringComparison.Ordinal) + 1)];

        var run = MappedRun.Of(CloudTrail, cut);

        Assert.Equal(3, run.Events.Count);
        Assert.Equal(4, run.Counts.Read);
        Assert.True(run.Counts.TruncatedLastLine);
        Assert.StartsWith("truncated last line", Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
        Assert.Equal("not a well-formed CloudTrail file ({\"Records\": [...]}): the input ends inside it (cut off?) (in record 4); the records before it were read", run.Input.Provenance.Damaged);
    }

    [Fact]
    public void A_syntax_error_between_records_stops_the_input_with_the_records_before_it_kept()
    {
        string file = "{\"Records\":[" + Records[0] + "," + Records[1] + " " + Records[2] + "]}";

        var run = MappedRun.Of(CloudTrail, file);

        Assert.Equal(2, run.Events.Count);
        Assert.StartsWith("not a well-formed CloudTrail file", run.Input.Provenance.Damaged, StringComparison.Ordinal);
        Assert.Contains("after record 2", run.Input.Provenance.Damaged, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_members_of_a_CloudTrail_file_after_its_Records_are_passed_over()
    {
        var run = MappedRun.Of(CloudTrail, "{\"Records\":[" + Records[0] + "],\"digest\":{\"Records\":[1,2]}}");

        Assert.Single(run.Events);
        Assert.Null(run.Input.Provenance.Damaged);
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_rejected_and_the_rest_read()
    {
        var run = MappedRun.Of(CloudTrail, "[" + Records[0] + ",42,\"text\",[1]," + Records[1] + "]");

        Assert.Equal(2, run.Events.Count);
        Assert.Equal(new long[] { 2, 3, 4 }, run.Rejections.Select(r => r.Line));
        Assert.All(run.Rejections, r => Assert.Equal("invalid JSON: a record must be a JSON object", r.Reason));
    }

    [Fact]
    public void A_CloudTrail_only_source_refuses_a_file_that_is_not_Records()
    {
        var source = CloudTrail with { Containers = SourceContainers.CloudtrailRecords };

        var run = MappedRun.Of(source, string.Join("\n", Records));

        Assert.Equal(0, run.Counts.Read);
        Assert.Equal("the input is not a CloudTrail file: it does not start with {\"Records\": [, which source 'aws-cloudtrail' does not declare (it declares cloudtrail-records)", run.Input.Provenance.Damaged);
    }

    [Fact]
    public void A_container_the_source_does_not_declare_is_refused_before_any_record()
    {
        var run = MappedRun.Of(Okta, CloudTrailFile(Records));

        Assert.Equal(0, run.Counts.Read);
        Assert.Contains("a CloudTrail file", run.Input.Provenance.Damaged, StringComparison.Ordinal);
        Assert.Contains("it declares json-lines, json-array", run.Input.Provenance.Damaged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_white_space_before_the_container_are_passed_over()
    {
        var run = MappedRun.Of(CloudTrail, "\uFEFF \n\t" + CloudTrailFile(Records));

        Assert.Equal(5, run.Events.Count);
    }

    [Fact]
    public void An_empty_array_and_an_empty_input_hold_no_records()
    {
        Assert.Equal(0, MappedRun.Of(CloudTrail, "{\"Records\": []}").Counts.Read);
        Assert.Equal(0, MappedRun.Of(CloudTrail, "[ ]").Counts.Read);
        Assert.Equal(0, MappedRun.Of(CloudTrail, string.Empty).Counts.Read);
    }

    internal static string Record(int i) =>
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/u" + i % 7 + "\"},"
        + "\"eventTime\":\"2026-03-02T10:00:00Z\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
        + "\"sourceIPAddress\":\"192.0.2." + i % 250 + "\",\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"eventID\":\"e" + i + "\","
        + "\"requestParameters\":{\"padding\":\"" + new string('x', 100) + "\"}}";

    internal static string CloudTrailFile(string[] records) => "{\"Records\":[" + string.Join(",", records) + "]}";

    internal static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
