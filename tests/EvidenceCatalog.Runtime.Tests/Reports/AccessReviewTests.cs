using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>The access review resolves a snapshot through the access catalog; a bad snapshot degrades the section, never the report.</summary>
public sealed class AccessReviewTests
{
    private const string Snapshot = """
        {
          "takenAt": "2026-03-31T00:00:00Z",
          "users": [
            { "id": "alice@northwind.example", "role": "admin", "departments": ["engineering"], "lastActive": "2026-03-30T10:00:00Z", "resourceAccess": { "billing-db": 12 } },
            { "id": "bob@northwind.example", "role": "auditor", "lastActive": "2025-11-01T10:00:00Z" },
            { "id": "carol@northwind.example", "role": "wizard", "lastActive": "2026-03-29T10:00:00Z" }
          ],
          "apiKeys": [
            { "id": "k1", "owner": "alice@northwind.example", "provider": "openai", "createdAt": "2026-01-01T00:00:00Z", "expiresAt": "2027-01-01T00:00:00Z", "lastUsed": "2026-03-30T00:00:00Z" },
            { "id": "k2", "owner": "dave@northwind.example", "provider": "anthropic", "createdAt": "2024-01-01T00:00:00Z", "lastUsed": "2025-06-01T00:00:00Z" },
            { "id": "k3", "owner": "alice@northwind.example", "provider": "github", "createdAt": "2025-01-01T00:00:00Z", "expiresAt": "2026-02-01T00:00:00Z", "lastUsed": "2026-01-30T00:00:00Z" }
          ]
        }
        """;

    private static ReportOptions Window => Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31));

    private static AccessReviewSection Review(AccessSnapshotSource? source) =>
        Report(Window with { AccessSnapshot = source }, [Line("a", "2026-03-02T10:00:00Z")]).Sections.Get(SectionDefinitions.AccessReview);

    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "access-" + System.Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Users_get_their_roles_permissions_and_findings()
    {
        var review = Review(AccessSnapshotSource.FromFile(Write(Snapshot)));
        Assert.Equal(ReportSection.Ok, review.Status);
        var alice = review.Users.Single(u => u.Id == "alice@northwind.example");
        Assert.Equal(80, alice.RoleLevel);
        var adminPermissions = Catalog.Model.Roles.Single(r => r.Id == "admin").Permissions.OrderBy(p => p, System.StringComparer.Ordinal);
        Assert.Equal(adminPermissions, alice.Permissions);
        Assert.Empty(alice.Flags);
        Assert.Equal(new[] { "stale" }, review.Users.Single(u => u.Id == "bob@northwind.example").Flags);
        Assert.Equal(new[] { "unknown-role" }, review.Users.Single(u => u.Id == "carol@northwind.example").Flags);
        Assert.Equal(1, review.RoleDistribution["admin"]);
        Assert.Equal(0, review.RoleDistribution["viewer"]);
        Assert.Equal(1, review.RoleDistribution["wizard"]);
        Assert.Equal(new AccessFindings(3, 1, 1, 3, 1, 1, 1) { KeysNotRotated = 1 }, review.Findings);
        Assert.Equal(new[] { "stale", "rotation-due", "orphaned", "key-not-rotated" }, review.ApiKeys.Single(k => k.Id == "k2").Flags);
        Assert.False(review.ApiKeys.Single(k => k.Id == "k3").Valid);
    }

    [Fact]
    public void The_api_key_summary_counts_key_health_from_the_flags_and_names_the_configured_providers()
    {
        var review = Review(AccessSnapshotSource.FromFile(Write(Snapshot)));

        // k1 valid; k2 valid but stale and over 365 days old; k3 expired and over 365 days old (its flags say both).
        Assert.Equal(["anthropic", "github", "openai"], review.ApiKeySummary.Providers);
        Assert.Equal((3, 2, 1, 1, 2), (review.ApiKeySummary.Keys, review.ApiKeySummary.Valid, review.ApiKeySummary.Expired, review.ApiKeySummary.Stale, review.ApiKeySummary.RotationDue));
        Assert.Equal(ApiKeySummary.None, Review(null).ApiKeySummary);
    }

    [Fact]
    public void Security_metrics_carry_the_api_key_health_of_the_snapshot_and_leave_it_out_without_one()
    {
        var report = Report(Window with { AccessSnapshot = AccessSnapshotSource.FromFile(Write(Snapshot)) }, [Line("a", "2026-03-02T10:00:00Z")]);

        var metrics = report.Sections.Get(SectionDefinitions.SecurityMetrics);
        var review = report.Sections.Get(SectionDefinitions.AccessReview).ApiKeySummary;
        Assert.Equal(review with { Providers = [] }, metrics.ApiKeyHealth! with { Providers = [] });
        Assert.Equal(review.Providers, metrics.ApiKeyHealth.Providers);
        Assert.Equal((3, 2, 1, 1, 2), (metrics.ApiKeyHealth!.Keys, metrics.ApiKeyHealth.Valid, metrics.ApiKeyHealth.Expired, metrics.ApiKeyHealth.Stale, metrics.ApiKeyHealth.RotationDue));
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(report));
        var written = json.RootElement.GetProperty("sections").GetProperty("securityMetrics").GetProperty("apiKeyHealth");
        Assert.Equal(3, written.GetProperty("keys").GetInt32());
        Assert.Equal(["anthropic", "github", "openai"], written.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));

        var without = Report(Window, [Line("a", "2026-03-02T10:00:00Z")]);
        Assert.Null(without.Sections.Get(SectionDefinitions.SecurityMetrics).ApiKeyHealth);
        using var jsonWithout = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(without));
        Assert.False(jsonWithout.RootElement.GetProperty("sections").GetProperty("securityMetrics").TryGetProperty("apiKeyHealth", out _));
    }

    [Fact]
    public void Missing_snapshot_option_degrades_the_section_and_the_report_is_produced()
    {
        var review = Review(null);
        Assert.Equal(ReportSection.Degraded, review.Status);
        Assert.Contains("no access snapshot", review.Reason);
        Assert.Empty(review.Users);
        Assert.Equal(Catalog.Model.Roles.Count, review.RoleDistribution.Count);
    }

    [Fact]
    public void Missing_snapshot_file_degrades_the_section_naming_it_without_its_folder()
    {
        var review = Review(AccessSnapshotSource.FromFile(Path.Combine(Path.GetTempPath(), "no-such-snapshot.json")));
        Assert.Equal(ReportSection.Degraded, review.Status);
        Assert.Equal("access snapshot no-such-snapshot.json does not exist", review.Reason);
    }

    [Fact]
    public void A_hand_written_snapshot_may_state_mfa_without_accounts_and_a_key_without_rotation_dates_is_aged_from_creation()
    {
        var review = Review(AccessSnapshotSource.FromFile(Write("""
            {
              "takenAt": "2026-03-31T00:00:00Z",
              "users": [{ "id": "a@northwind.example", "role": "admin", "displayName": "A", "mfa": "disabled", "lastActive": "2026-03-30T00:00:00Z" }],
              "apiKeys": [
                { "id": "k1", "owner": "a@northwind.example", "provider": "openai", "createdAt": "2025-12-01T00:00:00Z" },
                { "id": "k2", "owner": "a@northwind.example", "provider": "openai", "createdAt": "2025-12-01T00:00:00Z", "active": false, "lastUsed": "2026-03-30T00:00:00Z" }
              ]
            }
            """)));

        var user = Assert.Single(review.Users);
        Assert.Equal(["no-mfa"], user.Flags);
        Assert.Equal(("A", "disabled"), (user.DisplayName, user.Mfa));
        Assert.Null(user.Accounts);
        Assert.Equal(["stale", "key-not-rotated"], review.ApiKeys[0].Flags);
        Assert.Equal(120, review.ApiKeys[0].DaysSinceRotation);
        Assert.Empty(review.ApiKeys[1].Flags);
        Assert.Equal((1, 1), (review.Findings.NoMfaUsers, review.Findings.KeysNotRotated));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("  \n", "is empty")]
    [InlineData("{\"users\": [", "not valid JSON")]
    [InlineData("\u0000\u0000garbage", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"users\": {}}", "'users' must be an array")]
    [InlineData("{\"users\": [{\"id\": \"a\"}]}", "users[0].role must be a non-empty string")]
    [InlineData("{\"users\": [{\"id\": \"a\", \"role\": \"admin\", \"lastActive\": \"2026-03-01T10:00:00\"}]}", "users[0].lastActive must be an RFC 3339 timestamp with an offset")]
    [InlineData("{\"users\": [{\"id\": \"a\", \"role\": \"admin\", \"mfa\": \"yes\"}]}", "users[0].mfa must be one of unknown, enabled, disabled, not-applicable")]
    [InlineData("{\"users\": [{\"id\": \"a\", \"role\": \"admin\", \"accounts\": [{\"system\": \"okta\", \"sourceUserId\": \"00u1\", \"login\": \"a\", \"status\": \"gone\"}]}]}", "users[0].accounts[0].status must be one of active, pending, suspended")]
    [InlineData("{\"users\": [{\"id\": \"a\", \"role\": \"admin\", \"accounts\": {}}]}", "users[0].accounts must be an array")]
    [InlineData("{\"apiKeys\": [{\"id\": \"k\", \"provider\": \"aws-iam\", \"active\": \"no\"}]}", "apiKeys[0].active must be true or false")]
    public void Empty_or_corrupt_snapshot_degrades_the_section_with_the_reason(string text, string reason)
    {
        var report = Report(Window with { AccessSnapshot = AccessSnapshotSource.FromFile(Write(text)) }, [Line("a", "2026-03-02T10:00:00Z")]);
        Assert.Equal(ReportSection.Degraded, report.Sections.Get(SectionDefinitions.AccessReview).Status);
        Assert.Contains(reason, report.Sections.Get(SectionDefinitions.AccessReview).Reason);
        Assert.Equal(1, report.Controls["IAM-01"].EvidenceCount);
        Assert.All(report.Sections.Where(s => s.Definition.Name != "access-review"), s => Assert.Equal(ReportSection.Ok, s.Section.Status));
    }
}
