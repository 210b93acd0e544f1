using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;
using EvidenceCatalog.Runtime.Tests.Sources;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence ingest --source ID</c> on the real samples: each record mapped and stored, unmapped (counted per native
/// name) or rejected with the reason; the counts add up on every line, in <c>--format json</c> and in the store's
/// ingestion log; framings the source does not declare and a truncated gzip mark the input damaged and keep what came
/// before.
/// </summary>
public sealed class LogSourceIngestTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static CliResult Ingest(CatalogWorkspace workspace, params string[] args) =>
        Evidence.Run(workspace.Path, Clock, ["ingest", "--store", "evidence.db", "--catalogs", CatalogWorkspace.SourceCatalogs, .. args]);

    private static string[] IngestionLog(CatalogWorkspace workspace)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.Combine("evidence.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, read, accepted, duplicates, rejected, unmapped FROM ingestions ORDER BY id";
        using var rows = command.ExecuteReader();
        var log = new System.Collections.Generic.List<string>();
        while (rows.Read())
        {
            log.Add(string.Join(' ', Enumerable.Range(0, rows.FieldCount).Select(i => rows.GetValue(i).ToString())));
        }

        return [.. log];
    }

    [Theory]
    [InlineData(CloudTrail, "aws-cloudtrail")]
    [InlineData(Okta, "okta-system-log")]
    [InlineData(GitHub, "github-audit-log")]
    public void Every_record_of_a_sample_is_accepted_a_duplicate_rejected_or_unmapped_and_the_store_logs_the_same_counts(string file, string source)
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Ingest(workspace, "--source", source, Sample(file));

        // The samples hold records of other shapes: some are rejected, so the run is not clean.
        Assert.Equal(1, result.ExitCode);
        var counts = Counts(result.StdoutLines[0]);
        Assert.StartsWith($"ingested {file} as {source}: ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(Records(file).Length, counts.Read);
        Assert.True(counts.Accepted > 0 && counts.Unmapped > 0 && counts.Rejected > 0);
        Assert.StartsWith($"unmapped {source} records by native name: ", result.StdoutLines[1], StringComparison.Ordinal);
        Assert.Equal([$"{file} {counts.Read} {counts.Accepted} {counts.Duplicates} {counts.Rejected} {counts.Unmapped}"], IngestionLog(workspace));
        Assert.Contains($"{counts.Rejected} of {counts.Read} record(s) rejected", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_frequent_unmapped_names_add_up_with_the_other_names_to_the_unmapped_count()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Ingest(workspace, "--source", "aws-cloudtrail", Sample(CloudTrail));

        var counts = Counts(result.StdoutLines[0]);
        string names = result.StdoutLines[1]["unmapped aws-cloudtrail records by native name: ".Length..];
        var parts = names.Split(", ");
        Assert.Equal(IngestionSummaryTop + 1, parts.Length);
        Assert.StartsWith("other names ", parts[^1], StringComparison.Ordinal);
        Assert.Equal(counts.Unmapped, parts.Sum(p => long.Parse(p[(p.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        var top = parts[..^1].Select(p => long.Parse(p[(p.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(top.OrderDescending(), top);
    }

    private const int IngestionSummaryTop = 5;

    [Fact]
    public void Json_summary_gives_every_input_with_its_source_framing_and_counts_that_add_up()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("events.jsonl", "{\"id\":\"own-1\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"user:a\",\"account\":\"northwind-cloud\"}\n");

        var result = Ingest(workspace, "--source", "okta-system-log", "--source", "native", Sample(Okta), "events.jsonl", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("evidence.db", root.GetProperty("store").GetString());
        var inputs = root.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(("okta-system-log.jsonl", "okta-system-log", "json-lines"), (inputs[0].GetProperty("name").GetString(), inputs[0].GetProperty("source").GetString(), inputs[0].GetProperty("container").GetString()));
        Assert.Equal(("events.jsonl", "native", JsonValueKind.Null), (inputs[1].GetProperty("name").GetString(), inputs[1].GetProperty("source").GetString(), inputs[1].GetProperty("container").ValueKind));
        Assert.Equal(68, inputs[0].GetProperty("read").GetInt64());
        Assert.Equal(1, inputs[1].GetProperty("accepted").GetInt64());
        foreach (var counts in inputs.Append(root.GetProperty("total")))
        {
            Assert.Equal(
                counts.GetProperty("read").GetInt64(),
                new[] { "accepted", "duplicates", "rejected", "unmapped" }.Sum(c => counts.GetProperty(c).GetInt64()));
            Assert.Equal(
                counts.GetProperty("unmapped").GetInt64(),
                counts.GetProperty("unmappedNames").EnumerateArray().Sum(n => n.GetProperty("count").GetInt64()) + counts.GetProperty("unmappedOther").GetInt64());
        }

        Assert.Equal("evidence.db.quarantine.jsonl", root.GetProperty("quarantine").GetString());
        Assert.False(root.GetProperty("clean").GetBoolean());
    }

    [Fact]
    public void Ingesting_the_same_records_again_adds_nothing_and_counts_the_same_unmapped()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        var first = Counts(Ingest(workspace, "--source", "github-audit-log", Sample(GitHub)).StdoutLines[0]);

        var again = Counts(Ingest(workspace, "--source", "github-audit-log", Sample(GitHub)).StdoutLines[0]);

        Assert.Equal(0, again.Accepted);
        Assert.Equal(first.Accepted + first.Duplicates, again.Duplicates);
        Assert.Equal((first.Rejected, first.Unmapped), (again.Rejected, again.Unmapped));
    }

    [Fact]
    public void Records_of_another_source_are_rejected_naming_the_source_they_are_not()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Ingest(workspace, "--source", "aws-cloudtrail", Sample(Okta));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ingested okta-system-log.jsonl as aws-cloudtrail: read 68, accepted 0, duplicates 0, rejected 68, unmapped 0 (quarantined in evidence.db.quarantine.jsonl)", result.StdoutLines[0]);
        Assert.Contains(
            "evidence: no record of okta-system-log.jsonl was read as aws-cloudtrail: if it is another source's file, name that source, or let --source auto recognise it\n",
            result.Stderr,
            StringComparison.Ordinal);
        var reasons = File.ReadLines(workspace.Combine("evidence.db.quarantine.jsonl")).Skip(1)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reason").GetString()!).Distinct().ToArray();
        Assert.Equal(["not an AWS CloudTrail record: /eventSource is missing"], reasons);
    }

    [Fact]
    public void A_CloudTrail_file_as_S3_delivers_it_reads_as_the_same_records()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        var records = Records(CloudTrail);
        workspace.AddBytes("123456789012_CloudTrail_us-east-1_20240602T1940Z_abc.json.gz", Gzip(Encoding.UTF8.GetBytes("{\"Records\":[\n" + string.Join(",\n", records) + "\n]}")));
        var lines = Counts(Ingest(workspace, "--source", "aws-cloudtrail", Sample(CloudTrail)).StdoutLines[0]);

        var result = Ingest(workspace, "--source", "auto", "123456789012_CloudTrail_us-east-1_20240602T1940Z_abc.json.gz", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var input = json.RootElement.GetProperty("inputs")[0];
        Assert.Equal(("aws-cloudtrail", "cloudtrail-records"), (input.GetProperty("source").GetString(), input.GetProperty("container").GetString()));
        Assert.Equal((lines.Read, 0L, lines.Accepted + lines.Duplicates, lines.Rejected, lines.Unmapped),
            (input.GetProperty("read").GetInt64(), input.GetProperty("accepted").GetInt64(), input.GetProperty("duplicates").GetInt64(), input.GetProperty("rejected").GetInt64(), input.GetProperty("unmapped").GetInt64()));
    }

    [Fact]
    public void A_CloudTrail_file_that_is_not_Records_is_refused_as_a_framing_the_source_does_not_declare()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("trail.json", "[\n" + string.Join(",\n", Records(CloudTrail).Take(5)) + "\n]\n");

        var result = Ingest(workspace, "--source", "aws-cloudtrail", "trail.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "ingested trail.json as aws-cloudtrail: read 0, accepted 0, duplicates 0, rejected 0, unmapped 0; damaged: the input is a JSON array, which source 'aws-cloudtrail' does not declare (it declares cloudtrail-records, json-lines)",
            result.StdoutLines[0]);
        Assert.Contains("1 input(s) damaged", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CloudTrail_file_cut_off_inside_its_Records_keeps_the_records_before_the_break()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        var records = Records(CloudTrail).Take(20).ToArray();
        workspace.AddText("trail.json", "{\"Records\": [" + string.Join(",", records) + ",{\"eventVersion\": \"1.08\", \"userIden");

        var result = Ingest(workspace, "--source", "aws-cloudtrail", "trail.json");

        Assert.Equal(1, result.ExitCode);
        // The 20 whole records and the one cut off, which is rejected as such.
        Assert.Equal(21, Counts(result.StdoutLines[0]).Read);
        Assert.EndsWith(
            "; damaged: not a well-formed CloudTrail file ({\"Records\": [...]}): the input ends inside it (cut off?) (in record 21); the records before it were read",
            result.StdoutLines[0],
            StringComparison.Ordinal);
        Assert.Contains("\"line\":21,\"reason\":\"truncated last line", File.ReadLines(workspace.Combine("evidence.db.quarantine.jsonl")).Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_is_marked_damaged_and_its_good_records_are_kept()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        byte[] whole = Gzip(SourceSamples.Read(CloudTrail));
        workspace.AddBytes("trail.jsonl.gz", whole[..(whole.Length / 2)]);

        var result = Ingest(workspace, "--source", "aws-cloudtrail", "trail.jsonl.gz");

        Assert.Equal(1, result.ExitCode);
        var counts = Counts(result.StdoutLines[0]);
        Assert.True(counts.Accepted > 0, "the records before the damage are kept");
        Assert.True(counts.Read < Records(CloudTrail).Length);
        Assert.Contains("; damaged: not valid gzip: ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal([$"trail.jsonl.gz {counts.Read} {counts.Accepted} {counts.Duplicates} {counts.Rejected} {counts.Unmapped}"], IngestionLog(workspace));
    }
}
