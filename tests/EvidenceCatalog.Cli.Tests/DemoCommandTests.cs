using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary><c>evidence demo</c> with no arguments runs the whole path and leaves verifiable files behind.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_with_no_arguments_writes_a_verified_report_and_csv_whose_type_ii_fails_on_a_continuous_control_silent_for_a_day()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var result = Evidence.Run(workspace.Path, clock, "demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("   IAM-01 (continuous) has no evidence on 2026-09-24, planted to show an exception failing Type II (--silent-day none for a run that passes)\n", result.Stdout);
        Assert.Contains("Type II: fail (120 days, no coverage gaps, 1 control exception)\n", result.Stdout);
        Assert.Contains("  warning: control IAM-01 (continuous): 1 exception in 120 required periods: 2026-09-24 (no evidence)\n", result.Stdout);

        // The criteria table leads the summary, with the one criterion IAM-01 alone proves among the exceptions.
        int criteria = result.Stdout.IndexOf("Criteria, northwind-cloud 2026-07-26..2026-11-22 (UTC)", StringComparison.Ordinal);
        Assert.InRange(criteria, 0, result.Stdout.IndexOf("Controls, northwind-cloud", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("│ exceptions ", StringComparison.Ordinal) && l.Contains("│ CC6.1 ", StringComparison.Ordinal));
        using (var report = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("evidence-demo/evidence-report.json"))))
        {
            var root = report.RootElement;
            Assert.False(root.GetProperty("validation").GetProperty("typeII").GetBoolean());
            Assert.Equal("exceptions", root.GetProperty("criteria").GetProperty("CC6.1").GetProperty("status").GetString());
            var exception = Assert.Single(root.GetProperty("controls").GetProperty("IAM-01").GetProperty("operation").GetProperty("exceptions").EnumerateArray());
            Assert.Equal("2026-09-24", exception.GetProperty("period").GetString());
        }

        Assert.Contains("evidence-report.json: intact (ES256", result.Stdout);
        Assert.Contains("evidence-report.csv: intact (ES256", result.Stdout);
        Assert.Contains("6. wrote the auditor's package: evidence-demo/evidence-package (", result.Stdout);
        Assert.Contains("   verified with the public key: evidence-demo/evidence-package: intact (ES256", result.Stdout);
        Assert.True(File.Exists(workspace.Combine("evidence-demo/evidence-package/population/IAM-01.csv")), "the package holds a population CSV per control");
        Assert.Contains("  evidence verify evidence-demo/evidence-package --public-key evidence-demo/demo-public-key.pem\n", result.Stdout);
        Assert.Equal(0, Evidence.Run(workspace.Path, clock, "verify", "evidence-demo/evidence-package", "--public-key", "evidence-demo/demo-public-key.pem").ExitCode);
        foreach (string file in new[] { "events.jsonl", "evidence.db", "access/northwind-cloud.json", "tokens.txt", "demo-tokens.env", "evidence-report.json", "evidence-report.csv", "evidence-report.csv.sig", "demo-public-key.pem" })
        {
            Assert.True(File.Exists(workspace.Combine(Path.Combine("evidence-demo", file))), file);
        }

        Assert.Equal(0, Evidence.Run(workspace.Path, clock, "verify", "evidence-demo/evidence-report.json", "--public-key", "evidence-demo/demo-public-key.pem").ExitCode);
        Assert.Contains("  evidence serve --store sqlite:evidence-demo/evidence.db --tokens evidence-demo/tokens.txt --sign-key evidence-demo/demo-signing-key.pem --access-dir evidence-demo/access\n", result.Stdout);
        var tokens = EvidenceCatalog.Server.Security.ApiTokenFile.Load(workspace.Combine("evidence-demo/tokens.txt"), EvidenceCatalog.Catalogs.GeneratedEvidenceCatalog.Instance.Model);
        string auditor = File.ReadAllLines(workspace.Combine("evidence-demo/demo-tokens.env")).Single(l => l.StartsWith("AUDITOR_TOKEN=", StringComparison.Ordinal))["AUDITOR_TOKEN=".Length..];
        Assert.Equal(("auditor", "northwind-cloud"), (tokens.Authenticate(auditor)!.Role.Id, tokens.Authenticate(auditor)!.Account));
    }

    [Fact]
    public void Demo_without_a_silent_day_passes_type_ii()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        var result = Evidence.Run(workspace.Path, clock, "demo", "--days", "91", "--per-day", "300", "--silent-day", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("planted", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Type II: pass (91 days, no coverage gaps, no control exceptions)\n", result.Stdout);
    }

    [Theory]
    [InlineData("MON-01@2026-11-01", "MON-01 (continuous) has no evidence on 2026-11-01", "control MON-01 (continuous): 1 exception in 30 required periods: 2026-11-01 (no evidence)")]
    [InlineData("BCK-01", "BCK-01 (daily) has no evidence on 2026-11-08", "control BCK-01 (daily): 1 exception in 30 required periods: 2026-11-08 (no evidence)")]
    public void Demo_silences_the_control_it_is_told_on_the_day_it_is_told_or_the_middle_one(string silent, string planted, string warning)
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        var result = Evidence.Run(workspace.Path, clock, "demo", "--days", "30", "--per-day", "300", "--silent-day", silent);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(planted, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(warning, result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ETH-01", "the control 'ETH-01' has no evidence rule on a declared event type, so it has no evidence to silence on 2026-11-08")]
    [InlineData("IAM-01@2027-01-01", "the silent day 2027-01-01 of IAM-01 is outside the run, 2026-10-24 to 2026-11-22")]
    [InlineData("IAM-01@tomorrow", "--silent-day takes CONTROL, CONTROL@YYYY-MM-DD or none, not 'IAM-01@tomorrow'")]
    public void Demo_refuses_a_silent_day_it_cannot_plant(string silent, string problem)
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        var result = Evidence.Run(workspace.Path, clock, "demo", "--days", "30", "--per-day", "100", "--silent-day", silent);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(problem, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_runs_on_the_built_in_catalogs_where_there_is_no_catalogs_folder()
    {
        using var workspace = CatalogWorkspace.Empty();
        var result = Evidence.Run(workspace.Path, "demo", "--days", "10", "--per-day", "200");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the window has 10 days", result.Stdout);
    }

    [Fact]
    public void Demo_writes_the_private_key_and_the_plain_tokens_owner_only()
    {
        using var workspace = CatalogWorkspace.Empty();
        Assert.Equal(0, Evidence.Run(workspace.Path, "demo", "--days", "2", "--per-day", "50").ExitCode);

        using var key = EvidenceCatalog.Runtime.Signing.EcdsaSigningKey.FromPemFile(workspace.Combine("evidence-demo/demo-signing-key.pem"));
        if (OperatingSystem.IsWindows())
        {
            return; // file modes are a Unix notion
        }

        foreach (string secret in new[] { "demo-signing-key.pem", "demo-tokens.env", "tokens.txt" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(workspace.Combine(Path.Combine("evidence-demo", secret))));
        }
    }
}
