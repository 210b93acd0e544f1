using System.Linq;
using EvidenceCatalog.Model;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>Event ids: the first id template that resolves, else the SHA-256 of the record's canonical form (RFC 8785).</summary>
public sealed class RecordIdTests
{
    private const string Record = "{\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"RotateKey\",\"eventTime\":\"2026-03-02T10:00:00Z\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::1:root\"},\"n\":1.0,\"s\":\"\\u00e9\"}";

    private const string Reordered = "{ \"s\" : \"é\", \"userIdentity\":{\"arn\":\"arn:aws:iam::1:root\",\"type\":\"Root\"},\"n\":1, \"eventTime\":\"2026-03-02T10:00:00Z\",\"eventName\":\"RotateKey\",\"eventSource\":\"kms.amazonaws.com\"}";

    [Fact]
    public void A_record_without_an_id_gets_the_hash_of_its_canonical_form()
    {
        var e = MappedRun.Of(CloudTrail, Record + "\n").Single;

        string hash = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Runtime.Canonical.JsonCanonicalizer.Canonicalize(System.Text.Encoding.UTF8.GetBytes(Record))));
        Assert.Equal("sha256:" + hash, e.Id);
        Assert.Contains("\"recordSha256\":\"" + hash + "\"", e.Attributes, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_id_is_stable_under_member_order_white_space_escapes_and_number_form()
    {
        var first = MappedRun.Of(CloudTrail, Record + "\n").Single;
        var second = MappedRun.Of(CloudTrail, Reordered + "\n").Single;

        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public void The_same_record_reordered_is_a_duplicate_when_read_again()
    {
        var run = MappedRun.Of(CloudTrail, Record + "\n" + Reordered + "\n");

        Assert.Single(run.Events);
        Assert.Equal(1, run.Counts.Duplicates);
    }

    [Fact]
    public void An_id_template_that_resolves_is_the_id_and_duplicates_are_found_by_it()
    {
        string line = Record.Replace("\"n\":1.0", "\"eventID\":\"abc\"", System.StringComparison.Ordinal);

        var run = MappedRun.Of(CloudTrail, line + "\n" + line + "\n");

        Assert.Equal("abc", run.Single.Id);
        Assert.Equal(1, run.Counts.Duplicates);
    }

    [Fact]
    public void Without_hashing_a_record_with_no_id_is_rejected()
    {
        var source = CloudTrail with { EventId = new SourceEventId(Array("{/eventID}", "{/requestID}"), HashWhenMissing: false) };

        var run = MappedRun.Of(source, Record + "\n");

        Assert.Equal("no event id: none of {/eventID}, {/requestID} resolves, and the source does not hash records without one", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void A_record_with_no_canonical_form_cannot_be_identified_and_is_rejected()
    {
        string twice = Record.Replace("\"n\":1.0", "\"n\":1,\"n\":2", System.StringComparison.Ordinal);

        var run = MappedRun.Of(CloudTrail, twice + "\n");

        Assert.StartsWith("the record has no RFC 8785 canonical form to identify it by:", Assert.Single(run.Rejections).Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_report_judges_a_record_with_no_canonical_form_as_an_ingestion_does()
    {
        string twice = Record.Replace("\"n\":1.0", "\"n\":1,\"n\":2", System.StringComparison.Ordinal) + "\n" + Record + "\n";
        var input = Runtime.Sources.JsonLinesInput.Stream("trail.jsonl", () => new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(twice)));
        var options = Infrastructure.Events.Options(new(2026, 3, 1), new(2026, 3, 31));

        var report = await new Runtime.Jobs.ReportJob(Infrastructure.Events.Catalog, options).RunAsync(new Runtime.Sources.MappedJsonSource(CloudTrail, input));

        Assert.Equal(MappedRun.Of(CloudTrail, twice).Counts.Rejected, report.Report.Meta.Ingestion!.Rejected);
        Assert.Equal(1, report.Report.Meta.Ingestion.Rejected);
        Assert.Equal(1, report.Report.Meta.Ingestion.Accepted);
    }

    [Fact]
    public void Attributes_keep_the_source_native_name_and_record_hash_and_nothing_else()
    {
        var e = MappedRun.Of(CloudTrail, Record + "\n").Single;

        using var attributes = System.Text.Json.JsonDocument.Parse(e.Attributes!);
        Assert.Equal(["source", "nativeName", "recordSha256"], attributes.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
