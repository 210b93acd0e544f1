using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>GitHub memberships with the 2FA-disabled list and SAML identities: roles as groups, 2FA, links to e-mail addresses.</summary>
public sealed class GithubMembersTests
{
    private static readonly AccessImportResult Result = Import(Github);

    [Fact]
    public void A_member_linked_by_saml_is_the_person_of_that_address_with_their_organisation_role()
    {
        var alice = Result.User("alice@northwind.example");
        var account = alice.Account(IdentitySystem.Github);

        Assert.Equal(("5810001", "alice-sec", AccountStatus.Active), (account.SourceUserId, account.Login, account.Status));
        Assert.Equal(["admin"], account.Groups);
        Assert.Equal("admin", alice.Role);
        Assert.Null(account.LastActive);
        Assert.False(account.NeverLoggedIn);
    }

    [Fact]
    public void The_two_factor_disabled_list_decides_mfa_member_by_member()
    {
        Assert.Equal(MfaStatus.Disabled, Result.User("bob@northwind.example").Account(IdentitySystem.Github).Mfa);
        Assert.Equal(MfaStatus.Enabled, Result.User("alice@northwind.example").Account(IdentitySystem.Github).Mfa);
    }

    [Fact]
    public void An_unlinked_member_stays_a_person_of_their_own_and_a_pending_invitation_is_pending()
    {
        Assert.Equal("member", Result.User("github:octo-contractor").Role);
        Assert.Equal(AccountStatus.Pending, Result.User("ivan@northwind.example").Account(IdentitySystem.Github).Status);
        Assert.Equal(4, Result.Snapshot.Users.Count);
    }

    [Fact]
    public void Without_the_two_factor_list_an_enforced_requirement_means_enabled_and_otherwise_unknown()
    {
        const string Memberships = """
            "memberships": [{ "state": "active", "role": "member", "user": { "login": "octocat", "id": 583231 } }]
            """;
        var enforced = Import(Written(AccessImportFormat.GithubMembers, "github.json", "{ \"organization\": { \"two_factor_requirement_enabled\": true }, " + Memberships + " }"));
        var silent = Import(Written(AccessImportFormat.GithubMembers, "github.json", "{ " + Memberships + " }"));

        Assert.Equal(MfaStatus.Enabled, enforced.User("github:octocat").Account(IdentitySystem.Github).Mfa);
        Assert.Equal(MfaStatus.Unknown, silent.User("github:octocat").Account(IdentitySystem.Github).Mfa);
    }
}
