using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// Resolves an access snapshot through the access catalog: each user's permissions from their role, the role
/// distribution, and the findings an access review looks for — inactive users, unknown roles, expired, stale or
/// orphaned API keys.
/// </summary>
public static class AccessReviewBuilder
{
    /// <summary>A user or key unused for longer than this is stale.</summary>
    public const int StaleAfterDays = 90;

    /// <summary>A key older than this is due for rotation.</summary>
    public const int RotateAfterDays = 365;

    /// <summary>The review of <paramref name="snapshot"/>, with ages judged when it was taken, else at <paramref name="asOf"/>.</summary>
    public static AccessReviewSection Build(CatalogModel model, AccessSnapshot snapshot, DateTimeOffset asOf)
    {
        // The snapshot shows access as it was when taken; judging it at another time would invent staleness or hide it.
        asOf = snapshot.TakenAt ?? asOf;
        var roles = model.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var users = snapshot.Users.Select(u => User(u, roles, asOf)).ToList();
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
                keys.Count(k => k.Flags.Contains("orphaned"))));
    }

    /// <summary>The review of the report's access snapshot (<see cref="ReportOptions.AccessSnapshot"/>); degraded when there is none or it is broken.</summary>
    public static AccessReviewSection FromOptions(SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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

    /// <summary>The section when there is no usable snapshot: the catalog's roles with no users, marked degraded.</summary>
    public static AccessReviewSection Empty(CatalogModel model, string reason) =>
        (AccessReviewSection)new AccessReviewSection(
            null,
            [],
            new SortedDictionary<string, int>(model.Roles.ToDictionary(r => r.Id, _ => 0), StringComparer.Ordinal),
            [],
            new AccessFindings(0, 0, 0, 0, 0, 0, 0)).AsDegraded(reason);

    private static UserAccessEntry User(SnapshotUser user, Dictionary<string, Role> roles, DateTimeOffset asOf)
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

        return new UserAccessEntry(
            user.Id,
            user.Role,
            role?.Level,
            user.Departments,
            user.LastActive is { } active ? EventJson.FormatTime(active) : null,
            idle,
            role?.Permissions.OrderBy(p => p, StringComparer.Ordinal).ToList() ?? [],
            user.ResourceAccess,
            flags);
    }

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

        return new ApiKeyEntry(
            key.Id,
            key.Owner,
            key.Provider,
            key.CreatedAt is { } c ? EventJson.FormatTime(c) : null,
            key.ExpiresAt is { } e ? EventJson.FormatTime(e) : null,
            key.LastUsed is { } u ? EventJson.FormatTime(u) : null,
            age,
            !expired,
            flags);
    }

    private static int Days(DateTimeOffset from, DateTimeOffset to) => (int)Math.Floor((to - from).TotalDays);
}
