using System;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence sources coverage</c> on the real CloudTrail sample: per native name what it maps to and what that is
/// evidence for, the unmapped names, the rejection reasons, the criteria evidenced and those not — with counts that add
/// up in every format; and <c>evidence sources list</c>.
/// </summary>
public sealed class SourcesCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static CliResult Sources(CatalogWorkspace workspace, params string[] args) =>
        Evidence.Run(workspace.Path, Clock, ["sources", .. args, "--catalogs", CatalogWorkspace.SourceCatalogs]);

    [Fact]
    public void Coverage_text_reads_as_what_the_files_give_and_what_they_do_not()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Sources(workspace, "coverage", "--source", "aws-cloudtrail", Sample(CloudTrail));

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        // The lines docs/sources.md shows.
        Assert.Equal("AWS CloudTrail (aws-cloudtrail): 1 file, read 285 = accepted 15 + duplicates 18 + rejected 18 + unmapped 234", lines[0]);
        Assert.Equal("  aws-cloudtrail.jsonl: json-lines, read 285", lines[1]);
        Assert.Equal("  Mapped: 15 events of 12 native names", lines[3]);
        Assert.Equal("    NATIVE NAME                                        EVENTS  EVENT TYPE      OUTCOME   CONTROLS  CRITERIA", lines[4]);
        Assert.Equal("    signin.amazonaws.com:ConsoleLogin                       2  auth.login      success   IAM-01    CC6.1", lines[5]);
        Assert.Equal("                                                            1  auth.login      failure   IAM-01    CC6.1", lines[6]);
        Assert.Contains("    iam.amazonaws.com:AttachRolePolicy                      1  access.granted  approved  IAM-02    CC6.2, CC6.3", lines);
        Assert.Contains("  Unmapped: 234 records no rule maps (add rules for the names that are evidence)", lines);
        Assert.Contains("    s3.amazonaws.com:PutBucketVersioning                   7", lines);
        Assert.Contains("          8  not an AWS CloudTrail record: /eventSource is missing", lines);
        Assert.Contains("          8  time /eventTime '…': a date-time without offset, which the source does not declare (declared: rfc3339)", lines);
        Assert.Contains("  No evidence in these files for 14 criteria:", lines);
        Assert.Contains("Criteria (SOC 2): the catalog's controls prove 18 criteria with events; these files give evidence for 4", lines);
        Assert.Contains(lines, l => l.StartsWith("    CC6.1  ", StringComparison.Ordinal) && l.Contains("IAM-01", StringComparison.Ordinal));
        int gap = Array.FindIndex(lines, l => l.StartsWith("    CC7.2  ", StringComparison.Ordinal));
        Assert.True(gap > 0, "CC7.2 is listed without evidence");
        Assert.Equal("           MON-01, MON-03 take monitoring.heartbeat (ok, missed); anomaly.alert; detection.finding; monitoring.config_changed (enabled, changed, disabled): the source has no rule that gives these", lines[gap + 1]);
        Assert.Equal("    CC7.2  Monitoring components for anomalies that signal attacks or errors", lines[gap]);
        int keys = Array.FindIndex(lines, l => l == "    CC6.7  Restricting and protecting data as it moves or is transmitted");
        Assert.StartsWith("           CRY-01, DLP-01, DLP-02, DLP-03 take crypto.key_rotated (success, failure); ", lines[keys + 1], StringComparison.Ordinal);
        Assert.EndsWith(": the source maps such records, but these files hold none", lines[keys + 1], StringComparison.Ordinal);
        Assert.Contains("  43 more criteria of the catalog's frameworks are proven by no control with events (manual evidence, or no control yet).", lines);
    }

    [Fact]
    public void Coverage_json_counts_add_up_everywhere()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Sources(workspace, "coverage", "--source", "auto", Sample(CloudTrail), Sample(Okta), "--format", "json", "--top", "3");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(["aws-cloudtrail", "okta-system-log"], sources.Select(s => s.GetProperty("id").GetString()));
        foreach (var source in sources)
        {
            var counts = source.GetProperty("counts");
            long Count(string name) => counts.GetProperty(name).GetInt64();
            Assert.Equal(Count("read"), Count("accepted") + Count("duplicates") + Count("rejected") + Count("unmapped"));
            Assert.Equal(Count("accepted"), source.GetProperty("mapped").EnumerateArray().Sum(m => m.GetProperty("events").GetInt64()) + source.GetProperty("mappedOther").GetInt64());
            Assert.All(source.GetProperty("mapped").EnumerateArray(), m => Assert.Equal(m.GetProperty("events").GetInt64(), m.GetProperty("mappings").EnumerateArray().Sum(c => c.GetProperty("events").GetInt64())));
            Assert.Equal(Count("unmapped"), source.GetProperty("unmapped").EnumerateArray().Sum(n => n.GetProperty("count").GetInt64()) + source.GetProperty("unmappedOther").GetInt64());
            Assert.Equal(Count("rejected"), source.GetProperty("rejections").EnumerateArray().Sum(r => r.GetProperty("count").GetInt64()) + source.GetProperty("rejectionsOther").GetInt64());
            Assert.True(source.GetProperty("mapped").GetArrayLength() <= 3 && source.GetProperty("unmapped").GetArrayLength() <= 3 && source.GetProperty("rejections").GetArrayLength() <= 3);
        }

        var total = json.RootElement.GetProperty("total");
        Assert.Equal(285 + 68, total.GetProperty("read").GetInt64());
        var criteria = json.RootElement.GetProperty("criteria");
        var login = criteria.GetProperty("evidenced").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "CC6.1");
        Assert.Equal(["IAM-01"], login.GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
        var monitoring = criteria.GetProperty("notEvidenced").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "CC7.2");
        Assert.False(monitoring.GetProperty("mappedBySource").GetBoolean());
        Assert.Equal("soc2", monitoring.GetProperty("framework").GetString());
        Assert.Equal(criteria.GetProperty("provenByEvents").GetInt32(), criteria.GetProperty("evidenced").GetArrayLength() + criteria.GetProperty("notEvidenced").GetArrayLength());
    }

    [Fact]
    public void Coverage_markdown_has_a_table_per_list()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var result = Sources(workspace, "coverage", "--source", "github-audit-log", Sample(GitHub), "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Evidence coverage\n\n## GitHub audit log (`github-audit-log`)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Native name | Events | Event type | Outcome | Controls | Criteria |\n|---|---|---|---|---|---|\n| `org.add_member` |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Native name | Records |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("### No evidence in these files for", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_of_evidence_events_is_refused()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        workspace.AddText("events.jsonl", "{\"id\":\"own-1\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"user:a\",\"account\":\"northwind-cloud\"}\n");

        var native = Sources(workspace, "coverage", "--source", "native", "events.jsonl");
        var none = Sources(workspace, "coverage", "events.jsonl");

        Assert.Equal(2, native.ExitCode);
        Assert.Equal(
            "evidence: 'events.jsonl' holds the product's own evidence events (--source native), which have no native event names to cover; give a log source's files, or see their evidence with 'evidence report --events'\n",
            native.Stderr);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--source", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_of_a_damaged_file_shows_what_was_read_and_exits_1()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        byte[] whole = Gzip(Runtime.Tests.Sources.SourceSamples.Read(Okta));
        workspace.AddBytes("okta.jsonl.gz", whole[..(whole.Length / 2)]);

        var result = Sources(workspace, "coverage", "--source", "okta-system-log", "okta.jsonl.gz");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  okta.jsonl.gz: json-lines, read ", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("evidence: the coverage is of what could be read: okta.jsonl.gz is damaged (not valid gzip: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void List_says_so_when_the_catalogs_declare_no_source()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        System.IO.File.Delete(workspace.Combine(CatalogWorkspace.SourceCatalogs + "/sources/test-sources.yaml"));

        var result = Sources(workspace, "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("The catalogs declare no log source: add a sources catalog (docs/sources.md) to read CloudTrail, Okta, GitHub, ... files.\n", result.Stdout);
    }

    [Fact]
    public void List_shows_each_source_with_its_containers_rules_and_recognition()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var text = Sources(workspace, "list");
        var json = Sources(workspace, "list", "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(
            [
                "ID                NAME              CONTAINERS                      RULES  RECOGNISED BY",
                "aws-cloudtrail    AWS CloudTrail    cloudtrail-records, json-lines      4  each record with /eventSource and /eventName",
                "okta-system-log   Okta System Log   json-lines, json-array              3  each record with /eventType and /published",
                "github-audit-log  GitHub audit log  json-lines, json-array              1  each record with /action",
                "--source also takes 'native' (the product's own evidence events, the default) and 'auto' (each file's source recognised from its first records).",
            ],
            text.StdoutLines);
        using var document = JsonDocument.Parse(json.Stdout);
        var first = document.RootElement[0];
        Assert.Equal(("aws-cloudtrail", "AWS CloudTrail", 4), (first.GetProperty("id").GetString(), first.GetProperty("name").GetString(), first.GetProperty("rules").GetInt32()));
        Assert.Equal(["cloudtrail-records", "json-lines"], first.GetProperty("containers").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, document.RootElement.GetArrayLength());
    }
}
