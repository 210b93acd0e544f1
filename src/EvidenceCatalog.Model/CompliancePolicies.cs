using System.Linq;

namespace EvidenceCatalog.Model;

/// <summary>
/// Organisation-wide compliance configuration. <see cref="CategoriesInScope"/> holds the criterion categories declared
/// in scope (kebab-case, as <see cref="KebabCase.FromEnum{TEnum}"/> writes a <see cref="CriterionCategory"/>); Security is
/// in scope whether declared or not.
/// </summary>
public sealed record CompliancePolicies(
    Organization Organization,
    EquatableArray<string> ActiveFrameworks,
    EquatableArray<DataCategory> DataCategories,
    PiiDetection PiiDetection,
    RetentionPolicy Retention,
    EquatableArray<string> CategoriesInScope = default,
    StalenessPolicy? Staleness = null)
{
    /// <summary>The staleness thresholds: those declared, or the defaults when the catalog declares none.</summary>
    public StalenessPolicy StalenessOrDefault => Staleness ?? StalenessPolicy.Default;

    /// <summary>True for Security, and for every other category the policies declare in scope.</summary>
    public bool IsInScope(CriterionCategory category) =>
        category == CriterionCategory.Security || CategoriesInScope.Contains(KebabCase.FromEnum(category));
}

/// <summary>
/// How old a dated fact of the catalogs may be, judged against the as-of date (EC4006 to EC4011). Each threshold has a
/// documented default (<see cref="Default"/>), which the policies catalog's <c>staleness:</c> object overrides one by one.
/// </summary>
/// <param name="Soc2ReportMonths">A vendor's SOC 2 report is out of date when its period ended more than this many months before as-of.</param>
/// <param name="RunbookTestMonths">A procedure is overdue for a test when it was last tested more than this many months before as-of.</param>
/// <param name="ControlReviewMonths">A control without its own review interval is due for review this many months after its last review.</param>
/// <param name="AccessReviewMonths">The access catalog is due for review this many months after its last review.</param>
public sealed record StalenessPolicy(int Soc2ReportMonths, int RunbookTestMonths, int ControlReviewMonths, int AccessReviewMonths)
{
    /// <summary>12 months for a SOC 2 report, a runbook test and a control review; 3 months (quarterly) for the access review.</summary>
    public static readonly StalenessPolicy Default = new(12, 12, 12, 3);
}

public sealed record Organization(string Id, string Name);

/// <summary>A category of data and where it may live.</summary>
public sealed record DataCategory(string Id, string Name, DataResidency Residency, string? Description);

public enum DataResidency
{
    LocalOnly,
    CloudSync,
    CloudRedacted,
}

public enum PiiDetectionMode
{
    Detect,
    Redact,
    Block,
}

public sealed record PiiDetection(bool Enabled, PiiDetectionMode Mode, EquatableArray<string> Entities, int MinConfidencePercent);

public sealed record RetentionPolicy(int AuditLogDays, int EvidenceDays, int IncidentRecordDays);
