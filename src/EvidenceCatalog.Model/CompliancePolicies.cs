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
    EquatableArray<string> CategoriesInScope = default)
{
    /// <summary>True for Security, and for every other category the policies declare in scope.</summary>
    public bool IsInScope(CriterionCategory category) =>
        category == CriterionCategory.Security || CategoriesInScope.Contains(KebabCase.FromEnum(category));
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
