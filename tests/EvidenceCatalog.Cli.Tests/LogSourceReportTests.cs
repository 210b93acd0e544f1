using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence report --events FILE --source ID</c>: log sources' files, of several sources and mixed with event files,
/// read into one report whose <c>meta.ingestion</c> names each input's source and framing and counts the unmapped
/// records with their most frequent native names; the counts add up, and the summary says them.
/// </summary>
public sealed class LogSourceReportTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static CliResult Report(CatalogWorkspace workspace, params string[] args) =>
        Evidence.Run(workspace.Path, Clock, ["report", "--org", "northwind-cloud", "--from", "2019-01-01", "--to", "2026-11-22", "--catalogs", CatalogWorkspace.SourceCatalogs, "--output", "report.json", .. args]);

    private static JsonElement Ingestion(CatalogWorkspace workspace) =>
        JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json"))).RootElement.GetProperty("meta").GetProperty("ingestion");

    [Fact]
    public void Files_of_several_sources_and_events_make_one_report_whose_counts_add_up()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("events.jsonl", "{\"id\":\"own-1\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"user:a\",\"account\":\"northwind-cloud\"}\n");

        var result = Report(
            workspace,
            "--events", Sample(CloudTrail), Sample(Okta), "events.jsonl", Sample(GitHub),
            "--source", "aws-cloudtrail", "--source", "okta-system-log", "--source", "native", "--source", "github-audit-log");

        Assert.Equal(0, result.ExitCode);
        var ingestion = Ingestion(workspace);
        var inputs = ingestion.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(
            [("aws-cloudtrail.jsonl", "aws-cloudtrail"), ("okta-system-log.jsonl", "okta-system-log"), ("events.jsonl", null), ("github-audit-log.jsonl", "github-audit-log")],
            inputs.Select(i => (i.GetProperty("name").GetString(), i.TryGetProperty("logSource", out var s) ? s.GetString() : null)));
        Assert.Equal(285 + 68 + 1 + 111, ingestion.GetProperty("read").GetInt64());
        Assert.Equal(
            ingestion.GetProperty("read").GetInt64(),
            new[] { "accepted", "duplicates", "rejected", "unmapped" }.Sum(c => ingestion.GetProperty(c).GetInt64()));
        Assert.Equal(
            ingestion.GetProperty("unmapped").GetInt64(),
            ingestion.GetProperty("unmappedNames").EnumerateArray().Sum(n => n.GetProperty("count").GetInt64()) + ingestion.GetProperty("unmappedOther").GetInt64());
        Assert.Contains($", unmapped {ingestion.GetProperty("unmapped").GetInt64():N0} (quarantined in report.json.quarantine.jsonl)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  unmapped by native name: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  aws-cloudtrail.jsonl: read as aws-cloudtrail (json-lines)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_reads_each_file_as_the_source_it_recognises()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Report(workspace, "--events", Sample(Okta), Sample(CloudTrail), "--source", "auto");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["okta-system-log", "aws-cloudtrail"],
            Ingestion(workspace).GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("logSource").GetString()));
    }

    [Fact]
    public void A_log_sources_evidence_reaches_the_controls_it_maps_to()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        Report(workspace, "--events", Sample(CloudTrail), "--source", "aws-cloudtrail");

        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var controls = report.RootElement.GetProperty("controls");

        // The sample's console sign-ins are auth.login evidence of IAM-01.
        Assert.True(controls.GetProperty("IAM-01").GetProperty("evidenceCount").GetInt64() >= 3);
    }
}
