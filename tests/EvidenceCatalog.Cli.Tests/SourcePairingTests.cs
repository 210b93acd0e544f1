using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>--source ID</c> pairs with the files: the i-th with the i-th, a single one with every file, any other count a
/// usage error that says how to pair them; <c>native</c> (or none) is evidence events, so both mix in one run;
/// <c>auto</c> recognises each file's source or refuses naming the file and the candidates; an unknown id is a usage
/// error with "did you mean" and the catalog's sources. Nothing is read or written before the sources are settled.
/// </summary>
public sealed class SourcePairingTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private const string Catalogs = CatalogWorkspace.SourceCatalogs;

    private static string Event(string id) =>
        $"{{\"id\":\"{id}\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"user:a@northwind.example\",\"account\":\"northwind-cloud\"}}";

    private static CliResult Ingest(CatalogWorkspace workspace, params string[] args) =>
        Evidence.Run(workspace.Path, Clock, ["ingest", "--store", "evidence.db", "--catalogs", Catalogs, .. args]);

    [Fact]
    public void A_single_source_goes_with_every_file()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        var records = Records(Okta);
        workspace.AddText("okta-1.jsonl", string.Join("\n", records[..30]) + "\n");
        workspace.AddText("okta-2.jsonl", string.Join("\n", records[30..]) + "\n");

        var result = Ingest(workspace, "--source", "okta-system-log", "okta-1.jsonl", "okta-2.jsonl");

        Assert.StartsWith("ingested okta-1.jsonl as okta-system-log: read 30, ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"ingested okta-2.jsonl as okta-system-log: read {records.Length - 30}, ", result.StdoutLines[1], StringComparison.Ordinal);
        var total = Counts(result.StdoutLines[2]);
        Assert.Equal(records.Length, total.Read);
        Assert.Equal(total.Read, Counts(result.StdoutLines[0]).Read + Counts(result.StdoutLines[1]).Read);
    }

    [Fact]
    public void The_ith_source_goes_with_the_ith_file_and_evidence_events_mix_with_log_sources()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("events.jsonl", Event("own-1") + "\n" + Event("own-2") + "\n");

        var result = Ingest(workspace, "--source", "aws-cloudtrail", "--source", "native", "--source", "okta-system-log", Sample(CloudTrail), "events.jsonl", Sample(Okta));

        Assert.StartsWith("ingested aws-cloudtrail.jsonl as aws-cloudtrail: read 285, ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal("ingested events.jsonl: read 2, accepted 2, duplicates 0, rejected 0", result.StdoutLines[1]);
        Assert.StartsWith("ingested okta-system-log.jsonl as okta-system-log: read 68, ", result.StdoutLines[2], StringComparison.Ordinal);
        var total = Counts(result.StdoutLines[3]);
        Assert.StartsWith("ingested 3 files: ", result.StdoutLines[3], StringComparison.Ordinal);
        Assert.Equal(285 + 2 + 68, total.Read);
        Assert.Equal(total.Unmapped, Counts(result.StdoutLines[0]).Unmapped + Counts(result.StdoutLines[2]).Unmapped);
        Assert.StartsWith("unmapped aws-cloudtrail records by native name: ", result.StdoutLines[4], StringComparison.Ordinal);
        Assert.StartsWith("unmapped okta-system-log records by native name: ", result.StdoutLines[5], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest", "FILE")]
    [InlineData("report", "--events FILE")]
    public void Another_count_of_sources_than_files_is_a_usage_error_that_says_how_to_pair_them(string command, string files)
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        string[] args = command == "ingest"
            ? ["ingest", "--store", "evidence.db", "--source", "aws-cloudtrail", "--source", "okta-system-log", Sample(CloudTrail), Sample(Okta), Sample(GitHub)]
            : ["report", "--org", "northwind-cloud", "--from", "2026-01-01", "--to", "2026-03-31", "--events", Sample(CloudTrail), Sample(Okta), Sample(GitHub), "--source", "aws-cloudtrail", "--source", "okta-system-log"];

        var result = Evidence.Run(workspace.Path, Clock, [.. args, "--catalogs", Catalogs]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"evidence: 2 --source for 3 file(s): give one --source per file, in the order of the files (the first --source is the first {files}'s, and so on), or a single --source for every file\n",
            result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.False(File.Exists(workspace.Combine("evidence.db")));
        Assert.False(File.Exists(workspace.Combine("evidence-report.json")));
    }

    [Fact]
    public void An_unknown_source_is_a_usage_error_with_did_you_mean_and_the_catalogs_sources()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Ingest(workspace, "--source", "aws-cloudtrial", Sample(CloudTrail));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: --source: there is no log source 'aws-cloudtrial'; did you mean 'aws-cloudtrail'? (the catalog's sources are aws-cloudtrail, okta-system-log, github-audit-log, and 'native' is the product's own evidence events); 'evidence sources list' shows the sources\n",
            result.Stderr);
        Assert.False(File.Exists(workspace.Combine("evidence.db")));
    }

    [Fact]
    public void A_source_when_the_catalogs_declare_none_says_so()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        if (Directory.Exists(workspace.Combine("catalogs/sources")))
        {
            Directory.Delete(workspace.Combine("catalogs/sources"), recursive: true);
        }

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "--source", "aws-cloudtrail", Sample(CloudTrail));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: --source: there is no log source 'aws-cloudtrail' (the catalogs declare no log source: add a sources catalog; 'native' is the product's own evidence events); 'evidence sources list' shows the sources\n",
            result.Stderr);
    }

    [Fact]
    public void Auto_recognises_each_files_source_from_its_first_records()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("events.jsonl", Event("own-1") + "\n");

        var result = Ingest(workspace, "--source", "auto", Sample(CloudTrail), Sample(Okta), Sample(GitHub), "events.jsonl");

        Assert.StartsWith("ingested aws-cloudtrail.jsonl as aws-cloudtrail: read 285, ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.StartsWith("ingested okta-system-log.jsonl as okta-system-log: read 68, ", result.StdoutLines[1], StringComparison.Ordinal);
        Assert.StartsWith("ingested github-audit-log.jsonl as github-audit-log: read 111, ", result.StdoutLines[2], StringComparison.Ordinal);
        Assert.Equal("ingested events.jsonl: read 1, accepted 1, duplicates 0, rejected 0", result.StdoutLines[3]);
    }

    [Fact]
    public void Auto_refuses_a_file_of_no_source_naming_it_and_what_each_source_requires()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Ingest(workspace, "--source", "auto", Sample(CloudTrail), Sample(EntraSignIns));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: --source auto: the source of 'azure-signin.jsonl' is not recognised: its first records are of none of the sources ("
            + "aws-cloudtrail (AWS CloudTrail): cloudtrail-records or json-lines, each record with /eventSource and /eventName; "
            + "okta-system-log (Okta System Log): json-lines or json-array, each record with /eventType and /published; "
            + "github-audit-log (GitHub audit log): json-lines or json-array, each record with /action; "
            + "native (the product's own evidence events): json-lines, each record with /id, /time, /type, /actor and /account"
            + "); name its source with --source ID, or add a sources catalog for it\n",
            result.Stderr);
        Assert.False(File.Exists(workspace.Combine("evidence.db")));
    }

    [Fact]
    public void Auto_refuses_a_file_that_fits_several_sources_listing_them()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText(Catalogs + "/sources/zz-webhooks.yaml", """
            kind: sources
            sources:
              - id: github-webhooks
                name: GitHub webhook deliveries
                containers: [json-lines]
                recognize:
                  - { field: /action, exists: true }
                time: { fields: [/created_at], formats: [rfc3339] }
                account: { value: northwind-cloud }
                eventId: { hashWhenMissing: true }
                nativeName: "{/action}"
                actor: ["github:{/sender/login}"]
                rules:
                  - when:
                      - { field: /action, equals: member_added }
                    type: access.granted
                    outcome: approved
            """);

        var result = Ingest(workspace, "--source", "auto", Sample(GitHub));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: --source auto: the source of 'github-audit-log.jsonl' cannot be told: its first records fit each of github-audit-log, github-webhooks; name its source with --source ID (one per file, in the order of the files)\n",
            result.Stderr);
    }

    [Fact]
    public void Auto_refuses_an_empty_file_saying_it_holds_no_record()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("empty.jsonl", "\n\n");

        var result = Ingest(workspace, "--source", "auto", "empty.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: --source auto: the source of 'empty.jsonl' is not recognised: it holds no record to recognise (", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_cannot_recognise_standard_input()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Ingest(workspace, "--source", "auto", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: --source auto cannot recognise standard input, which is read once: name its source with --source ID\n", result.Stderr);
    }

    [Fact]
    public void A_report_from_a_store_takes_no_source()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Evidence.Run(workspace.Path, Clock, "report", "--store", "evidence.db", "--source", "aws-cloudtrail", "--org", "northwind-cloud", "--from", "2026-01-01", "--to", "2026-03-31", "--catalogs", Catalogs);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--source says what the --events files hold; a --store holds events already mapped", result.Stderr, StringComparison.Ordinal);
    }
}
