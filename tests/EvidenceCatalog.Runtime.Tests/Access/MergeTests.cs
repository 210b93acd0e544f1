using System;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>Several systems' exports become one snapshot: one user per person, matched by e-mail address only.</summary>
public sealed class MergeTests
{
    private static readonly AccessImportResult All = ImportAll();

    [Fact]
    public void Accounts_with_the_same_address_are_one_person_with_an_account_per_system()
    {
        var alice = All.User("alice@northwind.example");

        Assert.Equal(["okta", "google-workspace", "aws", "github"], alice.Accounts.Select(a => a.System));
        Assert.Equal("Alice Schmidt", alice.DisplayName);
        Assert.Equal(MfaStatus.Enabled, alice.Mfa);
    }

    [Fact]
    public void Two_systems_merge_with_the_latest_activity_and_the_weakest_mfa()
    {
        var bob = Import(Okta, Google).User("bob@northwind.example");

        Assert.Equal(["okta", "google-workspace"], bob.Accounts.Select(a => a.System));
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 8, 1, 2, TimeSpan.Zero), bob.LastActive);
        Assert.Equal(MfaStatus.Disabled, bob.Mfa);
        Assert.Equal(["Engineering"], bob.Departments);
    }

    [Fact]
    public void A_leaver_suspended_in_okta_stays_while_their_iam_user_and_key_still_work()
    {
        var frank = All.User("frank@northwind.example");

        Assert.Equal(AccountStatus.Suspended, frank.Account(IdentitySystem.Okta).Status);
        Assert.Equal(MfaStatus.Unknown, frank.Account(IdentitySystem.Okta).Mfa);
        Assert.Equal(AccountStatus.Active, frank.Account(IdentitySystem.Aws).Status);
        Assert.Equal("member", frank.Role);
        Assert.Contains(All.Snapshot.ApiKeys, k => k.Owner == "frank@northwind.example");
    }

    [Fact]
    public void Nothing_is_matched_by_likeness_an_account_without_an_address_is_its_own_person()
    {
        Assert.Contains(All.Snapshot.Users, u => u.Id == "github:octo-contractor");
        Assert.Contains(All.Snapshot.Users, u => u.Id == "arn:aws:iam::123456789012:user/ci/deploy-bot");
        Assert.Equal(11, All.Snapshot.Users.Count);
        Assert.Equal(1, All.WithoutAccess);
    }

    [Fact]
    public void The_snapshot_is_ordered_by_id_and_taken_when_asked()
    {
        Assert.Equal(All.Snapshot.Users.Select(u => u.Id).Order(StringComparer.Ordinal), All.Snapshot.Users.Select(u => u.Id));
        Assert.Equal(All.Snapshot.ApiKeys.Select(k => k.Id).Order(StringComparer.Ordinal), All.Snapshot.ApiKeys.Select(k => k.Id));
        Assert.Equal(TakenAt, All.Snapshot.TakenAt);
    }

    [Fact]
    public void The_same_export_given_twice_is_refused_naming_both_places()
    {
        var error = Assert.Throws<AccessImportException>(() => Import(Okta, Okta));

        Assert.StartsWith("okta-users.json line 2 (user 1): the okta account 00u1alice00000000a4x7 was already read at okta-users.json line 2 (user 1)", error.Message);
    }

    [Fact]
    public void Addresses_match_without_regard_to_case()
    {
        var upper = Written(AccessImportFormat.GithubMembers, "github.json", """
            {
              "memberships": [{ "state": "active", "role": "member", "user": { "login": "BobC", "id": 1 } }],
              "externalIdentities": [{ "samlIdentity": { "nameId": "Bob@Northwind.Example" }, "user": { "login": "bobc" } }]
            }
            """);

        Assert.Equal(["okta", "github"], Import(Okta, upper).User("bob@northwind.example").Accounts.Select(a => a.System));
    }
}
