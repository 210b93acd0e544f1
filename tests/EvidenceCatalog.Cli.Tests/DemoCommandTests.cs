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
    public void Demo_with_no_arguments_writes_a_verified_type_ii_report_and_csv()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var result = Evidence.Run(workspace.Path, clock, "demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("Type II: pass (120 days, no coverage gaps)", result.Stdout);
        Assert.Contains("evidence-report.json: intact (ES256", result.Stdout);
        Assert.Contains("evidence-report.csv: intact (ES256", result.Stdout);
        Assert.Contains("6. wrote the auditor's package: evidence-demo/evidence-package (", result.Stdout);
        Assert.Contains("   verified with the public key: evidence-demo/evidence-package: intact (ES256", result.Stdout);
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
