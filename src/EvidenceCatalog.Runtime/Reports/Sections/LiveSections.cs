using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The named security metrics of the events catalog, counted over the window.</summary>
public sealed record SecurityMetricsSection(IReadOnlyList<MetricEntry> Metrics) : ReportSection
{
    /// <summary>
    /// The API keys' health from the report's access snapshot (the same counts as the access review's
    /// <see cref="AccessReviewSection.ApiKeySummary"/>); null, and left out, when there is no usable snapshot.
    /// </summary>
    public ApiKeySummary? ApiKeyHealth { get; init; }
}

public sealed record MetricEntry(
    string Id,
    string Name,
    string Description,
    string EventType,
    IReadOnlyList<string> Outcomes,
    long Count,
    int DaysWithEvents,
    DayCount? PeakDay)
{
    /// <summary>Distinct non-empty <c>ip</c> values among the matching events (for a blocking metric: the addresses blocked).</summary>
    public long DistinctIps { get; init; }
}

public sealed record DayCount(string Date, long Count);

/// <summary>The audit log of the 30 days ending on the window's last day.</summary>
public sealed record AuditLogSummarySection(
    string From,
    string To,
    long Total,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyList<ActorCount> TopActors) : ReportSection;

public sealed record ActorCount(string Actor, long Count);

/// <summary>Who has access to what, from an access snapshot resolved through the access catalog.</summary>
public sealed record AccessReviewSection(
    string? SnapshotTakenAt,
    IReadOnlyList<UserAccessEntry> Users,
    IReadOnlyDictionary<string, int> RoleDistribution,
    IReadOnlyList<ApiKeyEntry> ApiKeys,
    AccessFindings Findings) : ReportSection
{
    /// <summary>The API keys' health and the providers they are configured for.</summary>
    public ApiKeySummary ApiKeySummary { get; init; } = ApiKeySummary.None;
}

/// <summary>
/// The API keys of an access snapshot in counts: how many are valid (not expired), expired, stale and due for rotation,
/// as their flags say, and the providers keys are configured for (sorted, ordinal).
/// </summary>
public sealed record ApiKeySummary(int Keys, int Valid, int Expired, int Stale, int RotationDue, IReadOnlyList<string> Providers)
{
    /// <summary>No keys (no usable snapshot).</summary>
    public static readonly ApiKeySummary None = new(0, 0, 0, 0, 0, []);
}

public sealed record UserAccessEntry(
    string Id,
    string Role,
    int? RoleLevel,
    IReadOnlyList<string> Departments,
    string? LastActive,
    int? DaysSinceActive,
    IReadOnlyList<string> Permissions,
    IReadOnlyDictionary<string, long> ResourceAccess,
    IReadOnlyList<string> Flags)
{
    public string? DisplayName { get; init; }

    /// <summary><c>enabled</c>, <c>disabled</c>, <c>unknown</c> or <c>not-applicable</c>; absent when the snapshot does not say.</summary>
    public string? Mfa { get; init; }

    /// <summary>The user's accounts in the identity systems; absent when the snapshot has none.</summary>
    public IReadOnlyList<AccountAccessEntry>? Accounts { get; init; }
}

/// <summary>One account of a user in one identity system, as the review shows it.</summary>
public sealed record AccountAccessEntry(
    string System,
    string SourceUserId,
    string Login,
    string? DisplayName,
    string Status,
    string Mfa,
    string? CreatedAt,
    string? LastActive,
    int? DaysSinceActive,
    bool NeverLoggedIn,
    IReadOnlyList<string> Groups);

public sealed record ApiKeyEntry(
    string Id,
    string? Owner,
    string Provider,
    string? CreatedAt,
    string? ExpiresAt,
    string? LastUsed,
    int? AgeDays,
    bool Valid,
    IReadOnlyList<string> Flags)
{
    /// <summary>Absent when the snapshot does not say whether the key is active.</summary>
    public bool? Active { get; init; }

    public string? LastRotated { get; init; }

    /// <summary>Whole days from the last rotation (<see cref="LastRotated"/>, else <see cref="CreatedAt"/>) to the as-of instant.</summary>
    public int? DaysSinceRotation { get; init; }
}

public sealed record AccessFindings(int Users, int StaleUsers, int UnknownRoles, int ApiKeys, int ExpiredKeys, int StaleKeys, int OrphanedKeys)
{
    public int NoMfaUsers { get; init; }

    public int NeverLoggedInUsers { get; init; }

    public int SuspendedWithAccess { get; init; }

    public int KeysNotRotated { get; init; }
}
