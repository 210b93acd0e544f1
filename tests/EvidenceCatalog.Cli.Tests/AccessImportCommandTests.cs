using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence access import</c>: the identity systems' exports in, one access snapshot out, with a summary; a bad export is
/// one line naming the file, the line or record and the field (exit 2); the snapshot drives the report's access review.
/// </summary>
public sealed class AccessImportCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero));

    private static readonly string[] AllExports =
    [
        "--aws-credential-report", "aws-credential-report.csv", "--aws-authorization-details", "aws-authorization-details.json",
        "--okta-users", "okta-users.json", "--google-workspace-users", "google-users.json", "--github-members", "github-members.json",
    ];

    /// <summary>The lines of docs/access-imports.md, whose example output these tests check.</summary>
    private static string[] DocumentedLines => File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "access-imports.md"));

    private static CatalogWorkspace WithExports()
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        foreach (string file in new[] { "aws-credential-report.csv", "aws-authorization-details.json", "okta-users.json", "google-users.json", "github-members.json" })
        {
            workspace.AddFixture(Path.Combine("AccessImports", file), Path.Combine("exports", file));
        }

        return workspace;
    }

    private static string[] Exports(string folder = "exports") =>
        AllExports.Select((a, i) => i % 2 == 1 ? folder + "/" + a : a).ToArray();

    [Fact]
    public void Every_export_goes_into_one_snapshot_file_with_a_line_per_input_and_a_summary()
    {
        using var workspace = WithExports();
        var result = Evidence.Run(workspace.Path, Clock, ["access", "import", .. Exports(), "--output", "access/northwind-cloud.json"]);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Equal(
            [
                "read exports/aws-credential-report.csv: 5 accounts, 5 access keys",
                "read exports/aws-authorization-details.json: 4 IAM users with groups",
                "read exports/okta-users.json: 6 accounts",
                "read exports/google-users.json: 4 accounts",
                "read exports/github-members.json: 4 accounts",
                "wrote access/northwind-cloud.json: 11 people with access, 5 access keys, taken at 2026-03-31T00:00:00Z; 2 people in no mapped group (role 'unmapped'), 1 person suspended everywhere left out",
            ],
            result.StdoutLines);
        Assert.All(result.StdoutLines, line => Assert.Contains(line, DocumentedLines));
        using var snapshot = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("access/northwind-cloud.json")));
        var alice = snapshot.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "alice@northwind.example");
        Assert.Equal("Alice Schmidt", alice.GetProperty("displayName").GetString());
        Assert.Equal(["okta", "google-workspace", "aws", "github"], alice.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("system").GetString()));
    }

    [Fact]
    public void Without_output_the_snapshot_goes_to_standard_output_and_the_summary_to_standard_error()
    {
        using var workspace = WithExports();
        var result = Evidence.Run(workspace.Path, Clock, ["access", "import", "--okta-users", "exports/okta-users.json", "--taken-at", "2026-03-30T12:00:00+02:00"]);

        Assert.Equal(0, result.ExitCode);
        using var snapshot = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2026-03-30T10:00:00Z", snapshot.RootElement.GetProperty("takenAt").GetString());
        Assert.Equal(5, snapshot.RootElement.GetProperty("users").GetArrayLength());
        Assert.StartsWith("read exports/okta-users.json: 6 accounts\nwrote standard output: 5 people with access", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_taken_at_the_snapshot_is_taken_now_in_whole_seconds()
    {
        using var workspace = WithExports();
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 31, 8, 30, 15, 987, TimeSpan.Zero));
        var result = Evidence.Run(workspace.Path, clock, ["access", "import", "--github-members", "exports/github-members.json"]);

        using var snapshot = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2026-03-31T08:30:15Z", snapshot.RootElement.GetProperty("takenAt").GetString());
    }

    [Fact]
    public void A_bad_export_is_one_line_naming_file_record_and_field_with_exit_2()
    {
        using var workspace = WithExports();
        workspace.AddText("exports/okta-users.json", File.ReadAllText(workspace.Combine("exports/okta-users.json")).Replace("\"lastLogin\": \"2025-11-20T18:03:09.000Z\"", "\"lastLogin\": \"20/11/2025 18:03\"", StringComparison.Ordinal));
        var result = Evidence.Run(workspace.Path, Clock, ["access", "import", .. Exports(), "-o", "access.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(
            "evidence: exports/okta-users.json line 105 (user 2): lastLogin '20/11/2025 18:03' is not an ISO 8601 date-time with an offset, such as 2026-03-01T10:00:00Z or 2026-03-01T10:00:00+00:00\n",
            result.Stderr);
        Assert.False(File.Exists(workspace.Combine("access.json")));
        Assert.Contains("  " + result.Stderr.TrimEnd('\n'), DocumentedLines);
    }

    [Fact]
    public void Usage_problems_exit_2_with_what_to_give()
    {
        using var workspace = WithExports();

        Assert.Equal(
            (2, "evidence: give at least one export: --aws-credential-report, --okta-users, --google-workspace-users or --github-members FILE\n"),
            Run(workspace, ["access", "import"]));
        Assert.Equal(
            (2, "evidence: --aws-authorization-details only adds IAM groups to the users of a credential report: give --aws-credential-report FILE too\n"),
            Run(workspace, ["access", "import", "--aws-authorization-details", "exports/aws-authorization-details.json"]));
        Assert.StartsWith(
            "evidence: --taken-at must be an RFC 3339 instant with an offset (e.g. 2026-03-31T00:00:00Z), not '2026-03-31 00:00'.",
            Run(workspace, ["access", "import", "--okta-users", "exports/okta-users.json", "--taken-at", "2026-03-31 00:00"]).Stderr);
        Assert.Equal((2, "evidence: exports/missing.json does not exist\n"), Run(workspace, ["access", "import", "--okta-users", "exports/missing.json"]));
    }

    [Fact]
    public void The_report_built_on_an_imported_snapshot_reviews_mfa_activity_leavers_and_key_age()
    {
        using var workspace = WithExports();
        workspace.AddText("events.jsonl", ReportCommandTests.Line("a", "2026-03-02T10:00:00Z") + "\n");
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["access", "import", .. Exports(), "-o", "access.json"]).ExitCode);

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. ReportCommandTests.Window, "--access", "access.json", "--out", "report.json"]);

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var review = report.RootElement.GetProperty("sections").GetProperty("accessReview");
        Assert.Equal("ok", review.GetProperty("status").GetString());
        var frank = review.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "frank@northwind.example");
        Assert.Equal(["stale", "no-mfa", "suspended-with-access"], frank.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Frank Weber", frank.GetProperty("displayName").GetString());
        Assert.Equal("00u1frank00000000a4x7", frank.GetProperty("accounts")[0].GetProperty("sourceUserId").GetString());
        var findings = review.GetProperty("findings");
        Assert.Equal((4, 2, 1, 3), (findings.GetProperty("noMfaUsers").GetInt32(), findings.GetProperty("neverLoggedInUsers").GetInt32(), findings.GetProperty("suspendedWithAccess").GetInt32(), findings.GetProperty("keysNotRotated").GetInt32()));
        Assert.Equal(2, review.GetProperty("roleDistribution").GetProperty("unmapped").GetInt32());
    }

    private static (int ExitCode, string Stderr) Run(CatalogWorkspace workspace, string[] args)
    {
        var result = Evidence.Run(workspace.Path, Clock, args);
        return (result.ExitCode, result.Stderr);
    }
}
