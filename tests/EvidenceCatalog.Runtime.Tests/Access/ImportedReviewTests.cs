using System.IO;
using System.Linq;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>
/// MFA, activity, leavers and key age of an imported snapshot become the access review's flags and findings, after the
/// snapshot is written and read back as a file would be.
/// </summary>
public sealed class ImportedReviewTests
{
    private static readonly AccessReviewSection Review = Reviewed(ImportAll());

    private static AccessReviewSection Reviewed(AccessImportResult result)
    {
        using var stream = new MemoryStream();
        AccessSnapshotWriter.Write(result.Snapshot, stream);
        var snapshot = AccessSnapshot.Parse(stream.ToArray(), "access.json");
        return AccessReviewBuilder.Build(Catalog.Model, snapshot, TakenAt.AddDays(30));
    }

    private static UserAccessEntry User(string id) => Review.Users.Single(u => u.Id == id);

    private static ApiKeyEntry Key(string id) => Review.ApiKeys.Single(k => k.Id == id);

    [Fact]
    public void The_written_snapshot_reads_back_equal_to_the_imported_one()
    {
        var result = ImportAll();
        using var stream = new MemoryStream();
        AccessSnapshotWriter.Write(result.Snapshot, stream);
        var read = AccessSnapshot.Parse(stream.ToArray(), "access.json");

        Assert.Equal(result.Snapshot.TakenAt, read.TakenAt);
        Assert.Equal(result.Snapshot.ApiKeys, read.ApiKeys);
        Assert.Equal(result.Snapshot.Users.Select(u => (u.Id, u.Role, u.DisplayName, u.Mfa, u.LastActive)), read.Users.Select(u => (u.Id, u.Role, u.DisplayName, u.Mfa, u.LastActive)));
        Assert.Equal(result.Snapshot.Users.SelectMany(u => u.Accounts).Select(a => a with { Groups = [] }), read.Users.SelectMany(u => u.Accounts).Select(a => a with { Groups = [] }));
        Assert.Equal(result.Snapshot.Users.SelectMany(u => u.Accounts).SelectMany(a => a.Groups), read.Users.SelectMany(u => u.Accounts).SelectMany(a => a.Groups));
    }

    [Fact]
    public void A_well_kept_user_has_no_flags_and_shows_name_mfa_and_accounts()
    {
        var erin = User("erin@northwind.example");

        Assert.Empty(erin.Flags);
        Assert.Equal("Erin O'Neil (Internal Audit)", erin.DisplayName);
        Assert.Equal("enabled", erin.Mfa);
        var okta = Assert.Single(erin.Accounts!);
        Assert.Equal(("okta", "00u1erin000000000a4x7", "active", "enabled", 5), (okta.System, okta.SourceUserId, okta.Status, okta.Mfa, okta.DaysSinceActive));
    }

    [Fact]
    public void An_active_account_without_a_second_factor_is_no_mfa()
    {
        Assert.Equal(["no-mfa"], User("bob@northwind.example").Flags);
        Assert.Contains("no-mfa", User("arn:aws:iam::123456789012:user/legacy-reports").Flags);
    }

    [Fact]
    public void A_pending_account_never_used_is_never_logged_in_but_not_no_mfa()
    {
        Assert.Equal(["stale", "never-logged-in"], User("carol@northwind.example").Flags);
        Assert.Equal(["stale", "no-mfa", "never-logged-in"], User("ivan@northwind.example").Flags);
    }

    [Fact]
    public void A_leaver_suspended_in_one_system_with_access_in_another_is_flagged()
    {
        Assert.Equal(["stale", "no-mfa", "suspended-with-access"], User("frank@northwind.example").Flags);
    }

    [Fact]
    public void An_unmapped_user_is_an_unknown_role_with_no_permissions()
    {
        var gina = User("gina@northwind.example");

        Assert.Equal(["unknown-role"], gina.Flags);
        Assert.Empty(gina.Permissions);
        Assert.Equal(2, Review.RoleDistribution["unmapped"]);
    }

    [Fact]
    public void An_active_key_not_rotated_in_90_days_is_flagged_an_inactive_one_is_not()
    {
        var alice = Key("arn:aws:iam::123456789012:user/alice@northwind.example#access_key_1");
        Assert.Equal(["key-not-rotated"], alice.Flags);
        Assert.Equal((true, "2025-09-01T10:00:00Z", 210), (alice.Active, alice.LastRotated, alice.DaysSinceRotation));

        Assert.Equal(["stale", "rotation-due", "key-not-rotated"], Key("arn:aws:iam::123456789012:user/ci/deploy-bot#access_key_2").Flags);
        Assert.Empty(Key("arn:aws:iam::123456789012:user/ci/deploy-bot#access_key_1").Flags);
        Assert.Equal(["stale", "rotation-due"], Key("arn:aws:iam::123456789012:user/legacy-reports#access_key_1").Flags);
    }

    [Fact]
    public void The_findings_count_each_new_flag()
    {
        var findings = Review.Findings;

        Assert.Equal((11, 5, 2), (findings.Users, findings.StaleUsers, findings.UnknownRoles));
        Assert.Equal((4, 2, 1), (findings.NoMfaUsers, findings.NeverLoggedInUsers, findings.SuspendedWithAccess));
        Assert.Equal((5, 0, 3, 0, 3), (findings.ApiKeys, findings.ExpiredKeys, findings.StaleKeys, findings.OrphanedKeys, findings.KeysNotRotated));
    }
}
