using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// Resolves an access snapshot through the access catalog: each user's permissions from their role, the role
/// distribution, and the findings an access review looks for — inactive users, unknown roles, users without MFA or
/// never signed in, leavers still holding access, expired, stale, unrotated or orphaned API keys.
/// </summary>
public static class AccessReviewBuilder
{
    /// <summary>A user or key unused for longer than this is stale.</summary>
    public const int StaleAfterDays = 90;

    /// <summary>A key older than this is due for rotation.</summary>
    public const int RotateAfterDays = 365;

    /// <summary>An active key not rotated for longer than this is flagged <c>key-not-rotated</c> (the SOC 2 customary 90 days).</summary>
    public const int KeyRotationDays = 90;

    /// <summary>The review of <paramref name="snapshot"/>, with ages judged when it was taken, else at <paramref name="asOf"/>.</summary>
    public static AccessReviewSection Build(CatalogModel model, AccessSnapshot snapshot, DateTimeOffset asOf)
    {
        // The snapshot shows access as it was when taken; judging it at another time would invent staleness or hide it.
        asOf = snapshot.TakenAt ?? asOf;
        var roles = model.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var keyHolders = snapshot.ApiKeys.Where(k => k.IsUsableAt(asOf) && k.Owner is not null).Select(k => k.Owner!).ToHashSet(StringComparer.Ordinal);
        var users = snapshot.Users.Select(u => User(u, roles, keyHolders, asOf)).ToList();
        var userIds = snapshot.Users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var keys = snapshot.ApiKeys.Select(k => Key(k, userIds, asOf)).ToList();

        var distribution = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in model.Roles)
        {
            distribution[role.Id] = 0;
        }

        foreach (var user in snapshot.Users)
        {
            distribution[user.Role] = distribution.GetValueOrDefault(user.Role) + 1;
        }

        return new AccessReviewSection(
            snapshot.TakenAt is { } taken ? EventJson.FormatTime(taken) : null,
            users,
            distribution,
            keys,
            new AccessFindings(
                users.Count,
                users.Count(u => u.Flags.Contains("stale")),
                users.Count(u => u.Flags.Contains("unknown-role")),
                keys.Count,
                keys.Count(k => k.Flags.Contains("expired")),
                keys.Count(k => k.Flags.Contains("stale")),
                keys.Count(k => k.Flags.Contains("orphaned")))
            {
                NoMfaUsers = users.Count(u => u.Flags.Contains("no-mfa")),
                NeverLoggedInUsers = users.Count(u => u.Flags.Contains("never-logged-in")),
                SuspendedWithAccess = users.Count(u => u.Flags.Contains("suspended-with-access")),
                KeysNotRotated = keys.Count(k => k.Flags.Contains("key-not-rotated")),
            })
        {
            ApiKeySummary = new ApiKeySummary(
                keys.Count,
                keys.Count(k => k.Valid),
                keys.Count(k => k.Flags.Contains("expired")),
                keys.Count(k => k.Flags.Contains("stale")),
                keys.Count(k => k.Flags.Contains("rotation-due")),
                keys.Select(k => k.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()),
        };
    }

    /// <summary>The review of the report's access snapshot (<see cref="ReportOptions.AccessSnapshot"/>); degraded when there is none or it is broken.</summary>
    public static AccessReviewSection FromOptions(SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.AccessReview;
    }

    /// <summary>What <see cref="SectionContext.AccessReview"/> holds: the snapshot read and reviewed, or the degraded section.</summary>
    internal static AccessReviewSection FromSnapshot(SectionContext context)
    {
        var snapshot = context.Options.AccessSnapshot;
        if (snapshot is null)
        {
            return Empty(context.Model, "no access snapshot was given");
        }

        try
        {
            return Build(context.Model, snapshot.Load(), context.AsOf);
        }
        catch (AccessSnapshotException exception)
        {
            return Empty(context.Model, exception.Message);
        }
    }

    /// <summary>
    /// The API key health of the report's access snapshot, for the security metrics: the review's own summary, or null
    /// when there is no usable snapshot (the access review says why).
    /// </summary>
    public static ApiKeySummary? KeyHealth(SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var review = context.AccessReview;
        return review.Status == ReportSection.Degraded ? null : review.ApiKeySummary;
    }

    /// <summary>The section when there is no usable snapshot: the catalog's roles with no users, marked degraded.</summary>
    public static AccessReviewSection Empty(CatalogModel model, string reason) =>
        (AccessReviewSection)new AccessReviewSection(
            null,
            [],
            new SortedDictionary<string, int>(model.Roles.ToDictionary(r => r.Id, _ => 0), StringComparer.Ordinal),
            [],
            new AccessFindings(0, 0, 0, 0, 0, 0, 0)).AsDegraded(reason);

    private static UserAccessEntry User(SnapshotUser user, Dictionary<string, Role> roles, HashSet<string> keyHolders, DateTimeOffset asOf)
    {
        var flags = new List<string>();
        roles.TryGetValue(user.Role, out var role);
        if (role is null)
        {
            flags.Add("unknown-role");
        }

        int? idle = user.LastActive is { } last ? Days(last, asOf) : null;
        if (idle is null || idle > StaleAfterDays)
        {
            flags.Add("stale");
        }

        // The flags an import makes possible come after the original two, so existing readers of the order are undisturbed.
        // With accounts, only one that can sign in now counts: a pending account has not set up its factors yet.
        bool withoutMfa = user.Accounts.Count > 0
            ? user.Accounts.Any(a => a.Status == AccountStatus.Active && a.Mfa == MfaStatus.Disabled)
            : user.Mfa == MfaStatus.Disabled;
        if (withoutMfa)
        {
            flags.Add("no-mfa");
        }

        if (user.LastActive is null && user.Accounts.Any(a => a.NeverLoggedIn) && user.Accounts.All(a => a.LastActive is null))
        {
            flags.Add("never-logged-in");
        }

        // A leaver: suspended in one system (usually the identity provider) while an account or a key elsewhere still works.
        if (user.Accounts.Any(a => a.Status == AccountStatus.Suspended)
            && (user.Accounts.Any(a => a.Status == AccountStatus.Active) || keyHolders.Contains(user.Id)))
        {
            flags.Add("suspended-with-access");
        }

        return new UserAccessEntry(
            user.Id,
            user.Role,
            role?.Level,
            user.Departments,
            user.LastActive is { } active ? EventJson.FormatTime(active) : null,
            idle,
            role?.Permissions.OrderBy(p => p, StringComparer.Ordinal).ToList() ?? [],
            user.ResourceAccess,
            flags)
        {
            DisplayName = user.DisplayName,
            Mfa = user.Mfa is { } mfa ? KebabCase.FromEnum(mfa) : null,
            Accounts = user.Accounts.Count == 0 ? null : user.Accounts.Select(a => Account(a, asOf)).ToList(),
        };
    }

    private static AccountAccessEntry Account(SnapshotAccount account, DateTimeOffset asOf) => new(
        account.System,
        account.SourceUserId,
        account.Login,
        account.DisplayName,
        KebabCase.FromEnum(account.Status),
        KebabCase.FromEnum(account.Mfa),
        account.CreatedAt is { } created ? EventJson.FormatTime(created) : null,
        account.LastActive is { } last ? EventJson.FormatTime(last) : null,
        account.LastActive is { } seen ? Days(seen, asOf) : null,
        account.NeverLoggedIn,
        account.Groups);

    private static ApiKeyEntry Key(SnapshotApiKey key, HashSet<string> users, DateTimeOffset asOf)
    {
        var flags = new List<string>();
        bool expired = key.ExpiresAt is { } expires && expires <= asOf;
        if (expired)
        {
            flags.Add("expired");
        }

        int? age = key.CreatedAt is { } created ? Days(created, asOf) : null;
        var lastUse = key.LastUsed ?? key.CreatedAt;
        if (lastUse is null || Days(lastUse.Value, asOf) > StaleAfterDays)
        {
            flags.Add("stale");
        }

        if (age > RotateAfterDays)
        {
            flags.Add("rotation-due");
        }

        if (key.Owner is null || !users.Contains(key.Owner))
        {
            flags.Add("orphaned");
        }

        var rotated = key.LastRotated ?? key.CreatedAt;
        int? sinceRotation = rotated is { } r ? Days(r, asOf) : null;
        if (key.IsUsableAt(asOf) && sinceRotation > KeyRotationDays)
        {
            flags.Add("key-not-rotated");
        }

        return new ApiKeyEntry(
            key.Id,
            key.Owner,
            key.Provider,
            key.CreatedAt is { } c ? EventJson.FormatTime(c) : null,
            key.ExpiresAt is { } e ? EventJson.FormatTime(e) : null,
            key.LastUsed is { } u ? EventJson.FormatTime(u) : null,
            age,
            !expired,
            flags)
        {
            Active = key.Active,
            LastRotated = key.LastRotated is { } lr ? EventJson.FormatTime(lr) : null,
            DaysSinceRotation = sinceRotation,
        };
    }

    private static int Days(DateTimeOffset from, DateTimeOffset to) => (int)Math.Floor((to - from).TotalDays);
}
