using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>The Directory API users.list answer: org units and admin flags as groups, 2SV, the epoch as "never", suspension.</summary>
public sealed class GoogleWorkspaceUsersTests
{
    private static readonly AccessImportResult Result = Import(Google);

    [Fact]
    public void An_administrator_is_in_the_super_admin_group_beside_their_org_unit()
    {
        var alice = Result.User("alice@northwind.example");
        var account = alice.Account(IdentitySystem.GoogleWorkspace);

        Assert.Equal(["/Security", "super-admin"], account.Groups);
        Assert.Equal("admin", alice.Role);
        Assert.Equal(("104331570604379156301", MfaStatus.Enabled), (account.SourceUserId, account.Mfa));
        Assert.Equal("Alice Schmidt", alice.DisplayName);
        Assert.Equal(["Security Engineering"], alice.Departments);
    }

    [Fact]
    public void The_epoch_as_last_login_is_never_logged_in_not_a_sign_in_in_1970()
    {
        var ivan = Result.User("ivan@northwind.example").Account(IdentitySystem.GoogleWorkspace);

        Assert.True(ivan.NeverLoggedIn);
        Assert.Null(ivan.LastActive);
        Assert.Equal(MfaStatus.Disabled, ivan.Mfa);
        Assert.Equal("member", Result.User("ivan@northwind.example").Role);
    }

    [Fact]
    public void A_suspended_user_with_no_other_access_is_left_out()
    {
        Assert.DoesNotContain(Result.Snapshot.Users, u => u.Id == "henry@northwind.example");
        Assert.Equal(1, Result.WithoutAccess);
        Assert.Equal(3, Result.Snapshot.Users.Count);
    }

    [Fact]
    public void An_answer_without_users_is_an_empty_directory()
    {
        var empty = Import(Written(AccessImportFormat.GoogleWorkspaceUsers, "google-users.json", """{ "kind": "admin#directory#users", "etag": "\"e\"" }"""));

        Assert.Empty(empty.Snapshot.Users);
        Assert.Equal(0, Assert.Single(empty.Inputs).Accounts);
    }
}
