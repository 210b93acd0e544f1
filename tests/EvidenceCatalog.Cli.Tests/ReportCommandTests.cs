using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary><c>evidence report</c>: events or a store in, a signed JSON report or CSV out, with a summary; input problems exit 2.</summary>
public sealed class ReportCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    internal static string Line(string id, string time, string type = "policy.decision", string outcome = "allow", string account = "northwind-cloud") =>
        $"{{\"id\":\"{id}\",\"time\":\"{time}\",\"type\":\"{type}\",\"outcome\":\"{outcome}\",\"actor\":\"user:a@northwind.example\",\"account\":\"{account}\"}}";

    internal static CatalogWorkspace WithEvents(params string[] lines)
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddText("events.jsonl", string.Join("\n", lines) + "\n");
        return workspace;
    }

    internal static string[] Window => ["--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31"];

    [Fact]
    public void Report_from_events_is_written_with_a_summary_table_and_quarantine()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"), "not json", Line("b", "2026-03-03T10:00:00Z", outcome: "deny"));
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--out", "out/report.json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("IAM-01", result.Stdout);
        Assert.Contains("Type II: fail (31 days, 2 coverage gap(s))", result.Stdout);
        Assert.Contains("read 3, accepted 2", result.Stdout);
        Assert.Contains("signature: none", result.Stdout);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("out/report.json")));
        Assert.Equal(2, report.RootElement.GetProperty("controls").GetProperty("IAM-01").GetProperty("evidenceCount").GetInt64());
        Assert.Equal("events", report.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("source").GetString());
        var quarantined = File.ReadAllLines(workspace.Combine("out/report.json.quarantine.jsonl"));
        Assert.Contains("\"line\":2", Assert.Single(quarantined));
    }

    [Fact]
    public void Report_signed_with_an_hmac_key_file_verifies()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--hmac-key-file", "hmac.key", "--out", "report.json"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("signed: HMAC-SHA256 key hmac-", result.Stdout);

        var verified = Evidence.Run(workspace.Path, Clock, "verify", "report.json", "--hmac-key-file", "hmac.key");
        Assert.Equal(0, verified.ExitCode);
    }

    [Fact]
    public void Csv_export_is_signed_with_a_detached_signature_that_verifies_with_the_public_key()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T11:00:00Z", account: "other"));
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        workspace.AddText("signing.pem", ecdsa.ExportPkcs8PrivateKeyPem());
        workspace.AddText("public.pem", ecdsa.ExportSubjectPublicKeyInfoPem());
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--format", "csv", "--sign-key", "signing.pem", "--out", "population.csv"]);

        Assert.Equal(0, result.ExitCode);
        string[] rows = File.ReadAllText(workspace.Combine("population.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("control_id,event_id,", rows[0]);
        Assert.True(rows.Length > 1);
        Assert.All(rows.Skip(1), r => Assert.Contains(",a,", r));
        Assert.True(File.Exists(workspace.Combine("population.csv.sig")));
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "verify", "population.csv", "--public-key", "public.pem").ExitCode);
    }

    [Fact]
    public void Report_from_an_ingested_store_equals_the_report_from_the_file()
    {
        using var workspace = WithEvents(Enumerable.Range(0, 50).Select(i => Line("e" + i, $"2026-03-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z", outcome: i % 3 == 0 ? "deny" : "allow")).ToArray());
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl").ExitCode);
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--store", "evidence.db", .. Window, "--out", "from-store.json"]).ExitCode);
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--out", "from-file.json"]).ExitCode);

        using var fromStore = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("from-store.json")));
        using var fromFile = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("from-file.json")));
        foreach (string member in new[] { "controls", "validation" })
        {
            Assert.Equal(fromFile.RootElement.GetProperty(member).GetRawText(), fromStore.RootElement.GetProperty(member).GetRawText());
        }

        Assert.Equal(
            fromFile.RootElement.GetProperty("sections").GetProperty("auditLogSummary").GetRawText(),
            fromStore.RootElement.GetProperty("sections").GetProperty("auditLogSummary").GetRawText());
    }

    [Fact]
    public void Require_complete_fails_when_a_section_is_degraded_and_still_writes_the_report()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--require-complete", "--access", "missing.json"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("degraded section(s): access-review", result.Stderr);
        Assert.True(File.Exists(workspace.Combine("evidence-report.json")));
    }

    [Theory]
    [InlineData(new[] { "report", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31" }, "exactly one")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--store", "x.db", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31" }, "exactly one")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-02-30", "--to", "2026-03-31" }, "real calendar date")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-31", "--to", "2026-03-01" }, "ends (2026-03-01) before it starts")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31", "--tz", "Mars/Olympus" }, "unknown time zone 'Mars/Olympus'")]
    [InlineData(new[] { "report", "--events", "missing.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31" }, "does not exist")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31", "--hmac-key-file", "short.key" }, "at least 32")]
    [InlineData(new[] { "report", "--store", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31" }, "events.jsonl")]
    public void Input_problems_exit_2_with_one_line(string[] args, string message)
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        workspace.AddBytes("short.key", new byte[31]);
        var result = Evidence.Run(workspace.Path, Clock, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Catalog_errors_exit_1_before_reading_events()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        workspace.AddText("catalogs/broken.yaml", "kind: vendors\nvendors: [");
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.yaml(", result.Stderr);
    }
}
