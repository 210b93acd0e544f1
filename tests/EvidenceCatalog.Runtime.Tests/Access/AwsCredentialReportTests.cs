using System;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>The AWS IAM credential report as IAM writes it: root user, N/A, no_information, not_supported, two key slots.</summary>
public sealed class AwsCredentialReportTests
{
    private static readonly AccessImportResult Result = Import(Aws, AwsGroups);

    [Fact]
    public void The_root_user_is_a_person_of_its_own_in_the_root_pseudo_group_signing_in_with_mfa()
    {
        var root = Result.User("arn:aws:iam::123456789012:root");
        var account = root.Account(IdentitySystem.Aws);

        Assert.Equal("<root_account>", account.Login);
        Assert.Equal(["<root_account>"], account.Groups);
        Assert.Equal("owner", root.Role);
        Assert.Equal(MfaStatus.Enabled, account.Mfa);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 9, 15, 2, TimeSpan.Zero), account.LastActive);
        Assert.Equal(new DateTimeOffset(2019, 3, 4, 8, 12, 45, TimeSpan.Zero), account.CreatedAt);
    }

    [Fact]
    public void A_user_named_by_address_is_that_person_and_gets_the_role_of_their_iam_group()
    {
        var alice = Result.User("alice@northwind.example");

        Assert.Equal("admin", alice.Role);
        Assert.Equal(["Administrators"], alice.Account(IdentitySystem.Aws).Groups);
        Assert.Equal("arn:aws:iam::123456789012:user/alice@northwind.example", alice.Account(IdentitySystem.Aws).SourceUserId);

        // Key use counts as activity: it is later than the last console sign-in.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), alice.LastActive);
    }

    [Fact]
    public void A_user_without_a_console_password_has_mfa_not_applicable_and_both_key_slots_become_keys()
    {
        var bot = Result.User("arn:aws:iam::123456789012:user/ci/deploy-bot");
        var keys = Result.Snapshot.ApiKeys.Where(k => k.Owner == bot.Id).ToList();

        Assert.Equal(MfaStatus.NotApplicable, bot.Account(IdentitySystem.Aws).Mfa);
        Assert.Equal(["arn:aws:iam::123456789012:user/ci/deploy-bot#access_key_1", "arn:aws:iam::123456789012:user/ci/deploy-bot#access_key_2"], keys.Select(k => k.Id));
        Assert.All(keys, k => Assert.Equal("aws-iam", k.Provider));
        Assert.Equal(new DateTimeOffset(2024, 11, 2, 0, 0, 0, TimeSpan.Zero), keys[1].LastRotated);
        Assert.Equal(keys[1].LastRotated, keys[1].CreatedAt);
        Assert.Null(keys[1].LastUsed);
        Assert.True(keys[1].Active);
    }

    [Fact]
    public void No_information_is_no_password_use_and_an_inactive_key_is_kept_as_inactive()
    {
        var legacy = Result.User("arn:aws:iam::123456789012:user/legacy-reports");
        var key = Assert.Single(Result.Snapshot.ApiKeys, k => k.Owner == legacy.Id);

        Assert.Equal(MfaStatus.Disabled, legacy.Account(IdentitySystem.Aws).Mfa);
        Assert.False(key.Active);
        Assert.Equal(new DateTimeOffset(2023, 8, 1, 6, 30, 0, TimeSpan.Zero), legacy.LastActive);
        Assert.False(legacy.Account(IdentitySystem.Aws).NeverLoggedIn);
        Assert.Equal("viewer", legacy.Role);
    }

    [Fact]
    public void Without_the_authorization_details_iam_users_have_no_groups_and_are_unmapped()
    {
        var result = Import(Aws);

        Assert.Equal("unmapped", result.User("arn:aws:iam::123456789012:user/legacy-reports").Role);
        Assert.Equal("owner", result.User("arn:aws:iam::123456789012:root").Role);
        Assert.Equal(5, result.Inputs.Single().Accounts);
        Assert.Equal(5, result.Inputs.Single().Keys);
    }
}
