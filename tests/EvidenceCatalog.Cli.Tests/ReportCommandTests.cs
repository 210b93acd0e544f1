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
        Assert.Contains("Type II: fail (31 days, 2 coverage gaps, ", result.Stdout);
        Assert.Contains("read 3, accepted 2", result.Stdout);
        Assert.Contains("signature: none", result.Stdout);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("out/report.json")));
        Assert.Equal(2, report.RootElement.GetProperty("controls").GetProperty("IAM-01").GetProperty("evidenceCount").GetInt64());
        Assert.Equal("events", report.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("source").GetString());
        var quarantined = File.ReadAllLines(workspace.Combine("out/report.json.quarantine.jsonl"));
        Assert.Contains("\"run\":", quarantined[0], StringComparison.Ordinal);
        Assert.Contains("\"line\":2", Assert.Single(quarantined[1..]));
    }

    [Fact]
    public void The_signed_report_names_its_inputs_without_an_absolute_path_and_with_their_digests()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"), "not json");
        string outside = Path.Combine(Path.GetTempPath(), "evidence-outside-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(outside, Line("b", "2026-03-03T10:00:00Z") + "\n");
        try
        {
            var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", workspace.Combine("events.jsonl"), outside, .. Window, "--out", "report.json"]);

            Assert.Equal(0, result.ExitCode);
            string text = File.ReadAllText(workspace.Combine("report.json"));
            Assert.DoesNotContain(workspace.Path, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
            using var report = JsonDocument.Parse(text);
            var meta = report.RootElement.GetProperty("meta");
            Assert.Equal("catalogs", meta.GetProperty("catalogSource").GetString());
            var ingestion = meta.GetProperty("ingestion");
            Assert.Equal("report.json.quarantine.jsonl", ingestion.GetProperty("quarantine").GetString());
            var inputs = ingestion.GetProperty("inputs").EnumerateArray().ToList();
            Assert.Equal(["events.jsonl", Path.GetFileName(outside)], inputs.Select(i => i.GetProperty("name").GetString()));
            byte[] events = File.ReadAllBytes(workspace.Combine("events.jsonl"));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(events)), inputs[0].GetProperty("sha256").GetString());
            Assert.Equal(events.Length, inputs[0].GetProperty("bytes").GetInt64());
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void An_account_the_inputs_do_not_hold_is_refused_naming_the_accounts_they_do_hold()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-03T10:00:00Z"));
        var result = Evidence.Run(workspace.Path, Clock, "report", "--events", "events.jsonl", "--org", "northwind", "--from", "2026-03-01", "--to", "2026-03-31", "--out", "report.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("evidence: no events for account 'northwind'; the inputs hold: northwind-cloud (2); check --org, or give the inputs of that account\n", result.Stderr);
        Assert.False(File.Exists(workspace.Combine("report.json")));
    }

    [Fact]
    public void A_report_from_a_store_counts_its_account_only_while_one_from_a_file_counts_the_others_too()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T11:00:00Z", account: "globex"), Line("c", "2026-03-02T12:00:00Z", account: "globex"));
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl").ExitCode);

        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--store", "evidence.db", .. Window, "--out", "from-store.json"]).ExitCode);
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--out", "from-file.json"]).ExitCode);

        using var fromStore = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("from-store.json")));
        using var fromFile = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("from-file.json")));
        var store = fromStore.RootElement.GetProperty("meta").GetProperty("ingestion");
        var file = fromFile.RootElement.GetProperty("meta").GetProperty("ingestion");
        Assert.Equal((1, 1, 0), (store.GetProperty("read").GetInt32(), store.GetProperty("accepted").GetInt32(), store.GetProperty("otherAccounts").GetInt32()));
        Assert.Equal((3, 3, 2), (file.GetProperty("read").GetInt32(), file.GetProperty("accepted").GetInt32(), file.GetProperty("otherAccounts").GetInt32()));
    }

    [Fact]
    public void An_account_a_store_does_not_hold_is_refused_too()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl").ExitCode);

        var result = Evidence.Run(workspace.Path, Clock, "report", "--store", "evidence.db", "--org", "northwind", "--from", "2026-03-01", "--to", "2026-03-31", "--out", "report.json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("evidence: no events for account 'northwind'; the inputs hold: northwind-cloud (1)", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Combine("report.json")));
    }

    [Fact]
    public void Without_a_catalogs_folder_the_report_stops_instead_of_using_the_sample_catalogs()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("events.jsonl", Line("a", "2026-03-02T10:00:00Z") + "\n");

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", "--org", "acme", "--from", "2026-03-01", "--to", "2026-03-31"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: there is no catalogs/ folder here: give --catalogs DIR, run where your catalogs/ folder is, or use --sample-catalogs for the sample organisation\n",
            result.Stderr);
        Assert.False(File.Exists(workspace.Combine("evidence-report.json")));
    }

    [Fact]
    public void The_sample_catalogs_are_used_when_asked_for_and_the_report_says_so()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("events.jsonl", Line("a", "2026-03-02T10:00:00Z") + "\n");

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--sample-catalogs", "--output", "report.json"]);

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        Assert.Equal("sample catalogs built into the tool", report.RootElement.GetProperty("meta").GetProperty("catalogSource").GetString());
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
    public void The_provenance_names_every_input_file_with_its_size_and_digest()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        workspace.AddText("more.jsonl", Line("b", "2026-03-03T10:00:00Z") + "\n");

        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", "more.jsonl", .. Window, "--out", "report.json"]).ExitCode);

        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var provenance = report.RootElement.GetProperty("meta").GetProperty("provenance");
        Assert.Equal(["files"], provenance.EnumerateObject().Select(p => p.Name));
        var files = provenance.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["events.jsonl", "more.jsonl"], files.Select(f => f.GetProperty("name").GetString()));
        foreach (var file in files)
        {
            byte[] bytes = File.ReadAllBytes(workspace.Combine(file.GetProperty("name").GetString()!));
            Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
            Assert.False(file.TryGetProperty("logSource", out _));
        }
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
    public void Html_format_writes_the_workpaper_alone_holding_the_signed_report_that_verifies()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-03T11:00:00Z", outcome: "deny"));
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        workspace.AddText("signing.pem", ecdsa.ExportPkcs8PrivateKeyPem());
        workspace.AddText("public.pem", ecdsa.ExportSubjectPublicKeyInfoPem());
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--format", "html", "--sign-key", "signing.pem"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("evidence-workpaper.html", result.Stdout);
        Assert.Equal("evidence-workpaper.html", Path.GetFileName(Assert.Single(Directory.GetFiles(workspace.Path, "evidence-*"))));
        string page = File.ReadAllText(workspace.Combine("evidence-workpaper.html"));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        const string Open = "<script type=\"application/json\" id=\"evidence-report\">";
        int start = page.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        workspace.AddText("embedded.json", page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)].Replace("\\u003c", "<", StringComparison.Ordinal));
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "verify", "embedded.json", "--public-key", "public.pem").ExitCode);
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
        workspace.AddText("broken-access.json", "{\"users\": [");
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--require-complete", "--access", "broken-access.json"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--require-complete: section access-review is degraded", result.Stderr);
        Assert.True(File.Exists(workspace.Combine("evidence-report.json")));
    }

    [Fact]
    public void A_snapshot_count_beyond_2_pow_53_degrades_the_access_review_naming_the_field_and_the_report_is_signed()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        workspace.AddText("access.json", "{\"users\":[{\"id\":\"alice@northwind.example\",\"role\":\"admin\",\"resourceAccess\":{\"docs\":9007199254740993}}]}");
        workspace.AddBytes("hmac.key", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--access", "access.json", "--hmac-key-file", "hmac.key", "--out", "report.json"]);
        var strict = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--access", "access.json", "--require-complete", "--out", "strict.json"]);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "verify", "report.json", "--hmac-key-file", "hmac.key").ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var access = report.RootElement.GetProperty("sections").GetProperty("accessReview");
        Assert.Equal("degraded", access.GetProperty("status").GetString());
        Assert.Equal("access snapshot access.json: users[0].resourceAccess.docs must be an integer from 0 to 9007199254740991 (2^53 - 1), not 9007199254740993", access.GetProperty("reason").GetString());
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("--require-complete: section access-review is degraded", strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_configuration_names_the_account_and_its_values_and_the_catalog_fills_in_as_a_default()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z", account: "acme"));
        workspace.AddText("acme.json", "{\"organization\":{\"name\":\"Acme Corp\"},\"retention\":{\"auditLogDays\":365,\"evidenceDays\":1095,\"incidentRecordDays\":730}}");

        var result = Evidence.Run(workspace.Path, Clock, "report", "--events", "events.jsonl", "--org", "acme", "--from", "2026-03-01", "--to", "2026-03-31", "--account-config", "acme.json", "--out", "report.json");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var config = report.RootElement.GetProperty("sections").GetProperty("complianceConfig");
        Assert.Equal(("acme", "Acme Corp"), (config.GetProperty("organizationId").GetString(), config.GetProperty("organizationName").GetString()));
        Assert.Equal("{\"activeFrameworks\":\"catalog-default\",\"organizationName\":\"account\",\"piiDetection\":\"catalog-default\"}", JsonSerializer.Serialize(config.GetProperty("sources")));
        Assert.Equal("account", report.RootElement.GetProperty("sections").GetProperty("retentionPolicy").GetProperty("source").GetString());
        Assert.Equal("catalog-default", report.RootElement.GetProperty("sections").GetProperty("dataResidency").GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("{\"piiDetection\":{\"enabled\":true,\"mode\":\"hide\",\"entities\":[\"email\"],\"minConfidencePercent\":80}}", "evidence: account configuration acme.json: piiDetection.mode must be one of detect, redact, block, not \"hide\"\n")]
    [InlineData("{\"activeFrameworks\":[\"iso27001\"]}", "evidence: account configuration acme.json: activeFrameworks names 'iso27001', which the catalogs do not declare (they declare: soc2)\n")]
    [InlineData("{\"organization\":{\"id\":\"northwind-cloud\",\"name\":\"x\"}}", "evidence: account configuration acme.json: organization.id is 'northwind-cloud', but the file is the configuration of account 'acme'; leave the id out or make it 'acme'\n")]
    public void An_account_configuration_that_cannot_be_used_exits_2_naming_the_file_and_field(string json, string stderr)
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z", account: "acme"));
        workspace.AddText("acme.json", json);

        var result = Evidence.Run(workspace.Path, Clock, "report", "--events", "events.jsonl", "--org", "acme", "--from", "2026-03-01", "--to", "2026-03-31", "--account-config", "acme.json", "--out", "report.json");

        Assert.Equal((2, stderr), (result.ExitCode, result.Stderr));
        Assert.False(File.Exists(workspace.Combine("report.json")));
    }

    [Fact]
    public void An_access_snapshot_that_does_not_exist_is_an_input_error_not_a_degraded_section()
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));
        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--access", "missing.json"]);
        Assert.Equal((2, "evidence: access snapshot 'missing.json' does not exist\n"), (result.ExitCode, result.Stderr));
        Assert.False(File.Exists(workspace.Combine("evidence-report.json")));
    }

    [Theory]
    [InlineData(new[] { "report", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31" }, "exactly one")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--store", "x.db", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31" }, "exactly one")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-02-30", "--to", "2026-03-31" }, "real calendar date")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-31", "--to", "2026-03-01" }, "ends (2026-03-01) before it starts")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31", "--tz", "Mars/Olympus" }, "unknown time zone 'Mars/Olympus'")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-31", "--tz", "America" }, "--tz: unknown time zone 'America'")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "0001-01-01", "--to", "0001-03-31" }, "--from/--to: the window 0001-01-01..0001-03-31 is outside the dates a report can cover: its days must lie between 0002-01-01 and 9998-12-31")]
    [InlineData(new[] { "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "9999-10-01", "--to", "9999-12-31", "--tz", "Pacific/Kiritimati" }, "--from/--to: the window 9999-10-01..9999-12-31 is outside the dates")]
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
