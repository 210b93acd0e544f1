using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>Okta's /api/v1/users with groups and factors embedded: statuses, never signed in, factors, display names.</summary>
public sealed class OktaUsersTests
{
    private static readonly AccessImportResult Result = Import(Okta);

    [Fact]
    public void An_active_user_keeps_id_login_name_department_groups_and_an_active_factor()
    {
        var alice = Result.User("alice@northwind.example");
        var account = alice.Account(IdentitySystem.Okta);

        Assert.Equal(("00u1alice00000000a4x7", "alice@northwind.example", AccountStatus.Active, MfaStatus.Enabled), (account.SourceUserId, account.Login, account.Status, account.Mfa));
        Assert.Equal("Alice Schmidt", alice.DisplayName);
        Assert.Equal(["Security Engineering"], alice.Departments);
        Assert.Equal(["Everyone", "Security-Admins"], account.Groups);
        Assert.Equal("admin", alice.Role);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 44, 12, TimeSpan.Zero), alice.LastActive);
    }

    [Fact]
    public void No_active_factor_is_mfa_disabled_and_a_pending_one_does_not_count()
    {
        Assert.Equal(MfaStatus.Disabled, Result.User("bob@northwind.example").Account(IdentitySystem.Okta).Mfa);
        Assert.Equal(MfaStatus.Disabled, Result.User("bob@northwind.example").Mfa);
        Assert.Equal(MfaStatus.Enabled, Result.User("gina@northwind.example").Account(IdentitySystem.Okta).Mfa);
    }

    [Fact]
    public void A_staged_user_with_a_null_last_login_is_pending_and_never_logged_in()
    {
        var carol = Result.User("carol@northwind.example").Account(IdentitySystem.Okta);

        Assert.Equal(AccountStatus.Pending, carol.Status);
        Assert.True(carol.NeverLoggedIn);
        Assert.Null(carol.LastActive);
    }

    [Fact]
    public void A_given_display_name_wins_over_first_and_last_name()
    {
        Assert.Equal("Erin O'Neil (Internal Audit)", Result.User("erin@northwind.example").DisplayName);
        Assert.Equal("auditor", Result.User("erin@northwind.example").Role);
    }

    [Fact]
    public void A_deprovisioned_user_with_no_other_access_is_left_out_and_counted()
    {
        Assert.Equal(1, Result.WithoutAccess);
        Assert.DoesNotContain(Result.Snapshot.Users, u => u.Id == "frank@northwind.example");
        Assert.Equal(5, Result.Snapshot.Users.Count);
        Assert.Equal(6, Assert.Single(Result.Inputs).Accounts);
    }

    [Fact]
    public void A_user_whose_groups_map_to_no_role_is_unmapped()
    {
        Assert.Equal(AccessImporter.UnmappedRole, Result.User("gina@northwind.example").Role);
        Assert.Equal(1, Result.Unmapped);
    }
}
