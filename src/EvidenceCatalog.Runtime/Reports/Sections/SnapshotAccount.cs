using System;
using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// One account of a snapshot user in one identity system, as <c>evidence access import</c> found it
/// (docs/report-format.md, "Access snapshot"): the facts the access review judges MFA, activity and leavers by.
/// </summary>
/// <param name="System">Where the account lives: <c>aws</c>, <c>okta</c>, <c>google-workspace</c>, <c>github</c>, or any other name.</param>
/// <param name="SourceUserId">The system's own id of the account (an IAM ARN, an Okta user id, a Google user id, a GitHub user id).</param>
/// <param name="Login">What the account signs in with, as the system shows it.</param>
/// <param name="Status">Whether the account can be used.</param>
/// <param name="Mfa">Whether it signs in with a second factor.</param>
public sealed record SnapshotAccount(string System, string SourceUserId, string Login, AccountStatus Status, MfaStatus Mfa)
{
    public string? DisplayName { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Its last sign-in or use; null when the system does not say or it was never used.</summary>
    public DateTimeOffset? LastActive { get; init; }

    /// <summary>True when the system says the account has never been used (as opposed to not saying).</summary>
    public bool NeverLoggedIn { get; init; }

    /// <summary>Its groups as the system names them, the input of the catalog's role mappings.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}

/// <summary>Whether an account can be used; written kebab-case in snapshots (<c>active</c>).</summary>
public enum AccountStatus
{
    /// <summary>It can sign in or be used.</summary>
    Active,

    /// <summary>Created or invited, not yet usable (an Okta user not yet activated, a GitHub invitation not yet accepted).</summary>
    Pending,

    /// <summary>Suspended, deactivated or archived: it cannot be used.</summary>
    Suspended,
}

/// <summary>Whether an account signs in with a second factor; written kebab-case in snapshots (<c>not-applicable</c>).</summary>
public enum MfaStatus
{
    /// <summary>The system does not say.</summary>
    Unknown,

    Enabled,

    Disabled,

    /// <summary>The account cannot sign in interactively (an IAM user without a console password).</summary>
    NotApplicable,
}
