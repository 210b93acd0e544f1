using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Events;

/// <summary>Every bad record is rejected with its line and reason; nothing good is lost; the counts add up.</summary>
public sealed class EventReaderBadInputTests
{
    private static readonly CalendarDate From = new(2026, 3, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);

    private static (IngestionSummary Stats, RejectionList Rejections) Read(string text)
    {
        var (stats, rejections) = Infrastructure.Events.Read(Options(From, To), text);
        Assert.Equal(stats.Read, stats.Accepted + stats.Duplicates + stats.Rejected);
        Assert.Equal(stats.Accepted, stats.InWindow + stats.OutsideWindow + stats.OtherAccounts);
        return (stats, rejections);
    }

    [Fact]
    public void Malformed_middle_line_is_rejected_with_its_line_number_and_the_others_kept()
    {
        var (stats, rejections) = Read(Line("a", "2026-03-02T10:00:00Z") + "\n{\"id\": \"b\", oops\n" + Line("c", "2026-03-02T11:00:00Z") + "\n");
        Assert.Equal((3, 2, 1), (stats.Read, stats.Accepted, stats.Rejected));
        var rejection = Assert.Single(rejections.Items);
        Assert.Equal(2, rejection.Line);
        Assert.StartsWith("invalid JSON", rejection.Reason);
        Assert.Equal("events.jsonl", rejection.Source);
        Assert.False(stats.TruncatedLastLine);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("actor")]
    [InlineData("resource")]
    public void A_field_holding_U0000_is_rejected_whatever_the_store(string field)
    {
        string good = Line("a", "2026-03-02T10:00:00Z");
        string bad = Line("b", "2026-03-02T11:00:00Z").Replace("\"account\"", $"\"{field}\":\"x\\u0000y\",\"account\"");
        if (field != "resource")
        {
            bad = bad.Replace($"\"{field}\":\"{(field == "id" ? "b" : "user:alice@northwind.example")}\",", string.Empty);
        }

        var (stats, rejections) = Read(good + "\n" + bad + "\n");

        Assert.Equal((2, 1, 1), (stats.Read, stats.Accepted, stats.Rejected));
        Assert.Equal($"field '{field}' holds the character U+0000 (\\u0000), which an event may not contain", Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public void Truncated_last_line_is_reported_as_truncated()
    {
        var (stats, rejections) = Read(Line("a", "2026-03-02T10:00:00Z") + "\n" + Line("b", "2026-03-02T11:00:00Z")[..40]);
        Assert.Equal((2, 1, 1), (stats.Read, stats.Accepted, stats.Rejected));
        Assert.True(stats.TruncatedLastLine);
        Assert.StartsWith("truncated last line", Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public void Complete_last_line_without_newline_is_accepted()
    {
        var (stats, _) = Read(Line("a", "2026-03-02T10:00:00Z") + "\n" + Line("b", "2026-03-02T11:00:00Z"));
        Assert.Equal((2, 2, 0), (stats.Read, stats.Accepted, stats.Rejected));
        Assert.False(stats.TruncatedLastLine);
    }

    [Fact]
    public void Nul_padded_tail_is_one_rejected_record_and_the_records_before_it_are_kept()
    {
        var (stats, rejections) = Read(Line("a", "2026-03-02T10:00:00Z") + "\n" + Line("b", "2026-03-02T11:00:00Z") + "\n" + new string('\0', 4096));
        Assert.Equal((3, 2, 1), (stats.Read, stats.Accepted, stats.Rejected));
        var rejection = Assert.Single(rejections.Items);
        Assert.Equal(3, rejection.Line);
        Assert.Contains("NUL bytes", rejection.Reason);
    }

    [Fact]
    public void Record_followed_by_nul_padding_on_its_line_is_kept()
    {
        var (stats, _) = Read(Line("a", "2026-03-02T10:00:00Z") + new string('\0', 100));
        Assert.Equal((1, 1, 0), (stats.Read, stats.Accepted, stats.Rejected));
    }

    [Fact]
    public void Nul_padding_before_a_record_is_dropped_and_the_record_kept()
    {
        var (stats, _) = Read(new string('\0', 50) + Line("a", "2026-03-02T10:00:00Z") + "\n");
        Assert.Equal((1, 1, 0), (stats.Read, stats.Accepted, stats.Rejected));
    }

    [Fact]
    public void Byte_order_mark_at_the_start_is_skipped()
    {
        var (stats, _) = Read("\uFEFF" + Line("a", "2026-03-02T10:00:00Z") + "\n");
        Assert.Equal((1, 1, 0), (stats.Read, stats.Accepted, stats.Rejected));
    }

    [Fact]
    public void Field_repeated_after_a_null_is_rejected()
    {
        var (stats, rejections) = Read("{\"id\":\"a\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":null,\"outcome\":\"allow\",\"actor\":\"u\",\"account\":\"northwind-cloud\"}\n");
        Assert.Equal(1, stats.Rejected);
        Assert.Contains("'outcome' appears twice", Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public void Duplicate_id_with_different_content_is_counted_once_and_the_first_wins()
    {
        var (report, _) = Run(
            Options(From, To),
            Line("same", "2026-03-02T10:00:00Z", "policy.decision", "allow") + "\n" + Line("same", "2026-03-05T10:00:00Z", "policy.decision", "deny") + "\n");
        var stats = report.Meta.Ingestion!;
        Assert.Equal((2, 1, 1), (stats.Read, stats.Accepted, stats.Duplicates));
        Assert.Equal(1, report.Controls["IAM-01"].Outcomes["allow"]);
        Assert.False(report.Controls["IAM-01"].Outcomes.ContainsKey("deny"));
    }

    [Fact]
    public void Same_id_in_another_account_is_not_a_duplicate()
    {
        var (stats, _) = Read(Line("same", "2026-03-02T10:00:00Z") + "\n" + Line("same", "2026-03-02T10:00:00Z", account: "other-org") + "\n");
        Assert.Equal((2, 0, 1), (stats.Accepted, stats.Duplicates, stats.OtherAccounts));
    }

    [Theory]
    [InlineData("2026-03-02T10:00:00", "no offset")]
    [InlineData("2026-03-02 10:00:00Z", "not an RFC 3339")]
    [InlineData("2026-02-30T10:00:00Z", "does not exist")]
    [InlineData("2026-03-02T10:00:00+0100", "malformed offset")]
    [InlineData("yesterday", "not an RFC 3339")]
    public void Bad_timestamp_is_rejected_with_the_reason(string time, string reason)
    {
        var (stats, rejections) = Read(Line("a", time) + "\n");
        Assert.Equal(1, stats.Rejected);
        Assert.Contains(reason, Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public void Timestamps_with_offsets_and_fractions_are_read_as_instants()
    {
        var (stats, _) = Read(string.Join("\n", Line("a", "2026-03-02T10:00:00.123456789+05:30"), Line("b", "2026-03-02t10:00:00z"), Line("c", "2026-03-02T10:00:00-08:00")) + "\n");
        Assert.Equal(3, stats.Accepted);
    }

    [Theory]
    [InlineData("{\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"actor\":\"u\",\"account\":\"northwind-cloud\"}", "missing required field(s): id")]
    [InlineData("{\"id\":\"a\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"account\":\"northwind-cloud\"}", "missing required field(s): actor")]
    [InlineData("{\"id\":\"\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"actor\":\"u\",\"account\":\"northwind-cloud\"}", "missing required field(s): id")]
    [InlineData("{\"id\":7,\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"actor\":\"u\",\"account\":\"northwind-cloud\"}", "field 'id' must be a string")]
    [InlineData("{\"id\":\"a\",\"id\":\"b\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"actor\":\"u\",\"account\":\"northwind-cloud\"}", "field 'id' appears twice")]
    [InlineData("{\"id\":\"a\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"actor\":\"u\",\"account\":\"northwind-cloud\",\"attributes\":[1]}", "'attributes' must be an object")]
    [InlineData("[1,2]", "must be one JSON object")]
    [InlineData("{\"id\":\"a\"} {\"id\":\"b\"}", "invalid JSON")]
    [InlineData("{\"id\":\"\\ud800\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"actor\":\"u\",\"account\":\"northwind-cloud\"}", "invalid")]
    public void Structurally_wrong_record_is_rejected_with_the_reason(string line, string reason)
    {
        var (stats, rejections) = Read(line + "\n");
        Assert.Equal(1, stats.Rejected);
        Assert.Contains(reason, Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public void Unknown_type_and_undeclared_outcome_are_rejected()
    {
        var (stats, rejections) = Read(Line("a", "2026-03-02T10:00:00Z", "policy.decisions") + "\n" + Line("b", "2026-03-02T10:00:00Z", "policy.decision", "maybe") + "\n");
        Assert.Equal(2, stats.Rejected);
        Assert.Contains("unknown event type 'policy.decisions'", rejections.Items[0].Reason);
        Assert.Contains("outcome 'maybe' is not declared for type 'policy.decision' (declared: allow, deny, challenge)", rejections.Items[1].Reason);
    }

    [Fact]
    public void Event_in_the_future_is_rejected()
    {
        var (stats, rejections) = Read(Line("a", "2026-11-23T12:04:00Z") + "\n" + Line("b", "2026-11-23T12:06:00Z") + "\n");
        Assert.Equal((1, 1), (stats.Accepted, stats.Rejected));
        Assert.Contains("in the future", Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public void Blank_lines_and_crlf_are_not_records()
    {
        var (stats, _) = Read("\r\n" + Line("a", "2026-03-02T10:00:00Z") + "\r\n   \n\n");
        Assert.Equal((1, 1, 0), (stats.Read, stats.Accepted, stats.Rejected));
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_attributes_kept()
    {
        var (stats, _) = Read("{\"id\":\"a\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"u\",\"account\":\"northwind-cloud\",\"extra\":{\"x\":[1]},\"attributes\":{\"k\":\"v\"}}\n");
        Assert.Equal(1, stats.Accepted);
    }

    [Fact]
    public void Line_longer_than_the_limit_is_rejected_and_reading_goes_on()
    {
        string huge = "{\"id\":\"a\",\"pad\":\"" + new string('x', EventStreamReader.MaxLineBytes + 10) + "\"}";
        var (stats, rejections) = Read(huge + "\n" + Line("b", "2026-03-02T10:00:00Z") + "\n");
        Assert.Equal((2, 1, 1), (stats.Read, stats.Accepted, stats.Rejected));
        Assert.Contains("longer than", Assert.Single(rejections.Items).Reason);
    }

    [Fact]
    public async Task Gzip_input_is_recognised_by_its_magic_bytes()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Line("a", "2026-03-02T10:00:00Z") + "\n" + Line("b", "2026-03-02T11:00:00Z") + "\n"));
        }

        var report = (await new ReportJob(Catalog, Options(From, To)).RunAsync(Source(compressed.ToArray(), "events.jsonl.gz"))).Report;

        Assert.Equal(2, report.Meta.Ingestion!.Accepted);
        var input = Assert.Single(report.Meta.Ingestion.Inputs);
        Assert.Equal(("events.jsonl.gz", compressed.Length, Convert.ToHexStringLower(SHA256.HashData(compressed.ToArray()))), (input.Name, input.Bytes!.Value, input.Sha256));
    }

    [Fact]
    public async Task Quarantine_file_holds_each_rejected_line_with_its_number_and_reason_after_the_run_marker()
    {
        string path = Path.Combine(Path.GetTempPath(), "quarantine-" + System.Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using (var quarantine = new QuarantineFile(path, "q.jsonl", Clock.GetUtcNow(), ["in.jsonl"]))
            {
                await new ReportJob(Catalog, Options(From, To)) { Quarantine = quarantine }
                    .RunAsync(Source(Line("a", "2026-03-02T10:00:00Z") + "\nnot json\n", "in.jsonl"));
            }

            var lines = File.ReadAllLines(path);
            Assert.Equal(2, lines.Length);
            Assert.Equal("{\"run\":\"2026-11-23T12:00:00Z\",\"inputs\":[\"in.jsonl\"]}", lines[0]);
            using var document = System.Text.Json.JsonDocument.Parse(lines[1]);
            Assert.Equal(2, document.RootElement.GetProperty("line").GetInt64());
            Assert.Equal("in.jsonl", document.RootElement.GetProperty("source").GetString());
            Assert.Equal("not json", document.RootElement.GetProperty("text").GetString());
            Assert.StartsWith("invalid JSON", document.RootElement.GetProperty("reason").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_second_run_appends_to_the_quarantine_file_after_its_own_marker()
    {
        string path = Path.Combine(Path.GetTempPath(), "quarantine-" + System.Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            foreach (string input in new[] { "first.jsonl", "second.jsonl" })
            {
                using var quarantine = new QuarantineFile(path, "q.jsonl", Clock.GetUtcNow(), [input]);
                await new ReportJob(Catalog, Options(From, To)) { Quarantine = quarantine }.RunAsync(Source("not json\n", input));
            }

            var lines = File.ReadAllLines(path);
            Assert.Equal(4, lines.Length);
            Assert.Contains("first.jsonl", lines[0], System.StringComparison.Ordinal);
            Assert.Contains("\"source\":\"first.jsonl\"", lines[1], System.StringComparison.Ordinal);
            Assert.Contains("second.jsonl", lines[2], System.StringComparison.Ordinal);
            Assert.Contains("\"source\":\"second.jsonl\"", lines[3], System.StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Clean_input_creates_no_quarantine_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "quarantine-" + System.Guid.NewGuid().ToString("N") + ".jsonl");
        using (var quarantine = new QuarantineFile(path, "q.jsonl", Clock.GetUtcNow(), ["in.jsonl"]))
        {
            await new ReportJob(Catalog, Options(From, To)) { Quarantine = quarantine }.RunAsync(Source(Line("a", "2026-03-02T10:00:00Z") + "\n", "in.jsonl"));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Reading_in_small_chunks_gives_the_same_counts()
    {
        string text = string.Join("\n", Enumerable.Range(0, 500).Select(i => Line("e" + i, "2026-03-02T10:00:00Z"))) + "\nbroken\n";
        var source = new JsonLinesSource(JsonLinesInput.Stream("x", () => new TrickleStream(Encoding.UTF8.GetBytes(text), 7)));
        var stats = (await new ReportJob(Catalog, Options(From, To)).RunAsync(source)).Report.Meta.Ingestion!;
        Assert.Equal((501, 500, 1), (stats.Read, stats.Accepted, stats.Rejected));
    }

    /// <summary>Returns at most a few bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, System.Math.Min(count, chunk));

        public override int Read(System.Span<byte> buffer) => base.Read(buffer[..System.Math.Min(buffer.Length, chunk)]);
    }
}
