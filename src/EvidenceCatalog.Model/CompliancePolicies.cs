using System.Linq;

namespace EvidenceCatalog.Model;

/// <summary>
/// Organisation-wide compliance configuration. <see cref="CategoriesInScope"/> holds the criterion categories declared
/// in scope (kebab-case, as <see cref="KebabCase.FromEnum{TEnum}"/> writes a <see cref="CriterionCategory"/>); Security is
/// in scope whether declared or not.
/// </summary>
/// <param name="Organization">The organisation the catalogs describe.</param>
/// <param name="ActiveFrameworks">Framework ids (declared in a framework catalog) the organisation is assessed against.</param>
/// <param name="DataCategories">Categories of data the organisation handles and where each may reside. Vendors reference these ids.</param>
/// <param name="PiiDetection">Detection of personal information in content before it leaves the organisation.</param>
/// <param name="Retention">How long records are kept.</param>
/// <param name="CategoriesInScope">The Trust Services Categories the organisation is examined on, besides Security, which is always in scope: availability, confidentiality, processing-integrity, privacy (security may be listed too). Criteria of the active frameworks in another category are out of scope: reports list them as such, and their controls do not decide Type II. Absent: Security only.</param>
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

/// <summary>The organisation.</summary>
/// <param name="Id">Organisation id, kebab-case (e.g. northwind-cloud).</param>
/// <param name="Name">Legal name of the organisation.</param>
public sealed record Organization(string Id, string Name);

/// <summary>A category of data and where it may live.</summary>
/// <param name="Id">Data category id, kebab-case (e.g. customer-content).</param>
/// <param name="Name">Display name of the category.</param>
/// <param name="Residency">Where data of this category may reside: only in the organisation's own infrastructure, synchronised to cloud services, or sent to cloud services only after redaction.</param>
/// <param name="Description">What data the category holds.</param>
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

/// <summary>PII detection settings.</summary>
/// <param name="Enabled">Whether PII detection runs.</param>
/// <param name="Mode">What happens when PII is found: only detect (and log), redact it, or block the request.</param>
/// <param name="Entities">Kinds of PII detected, kebab-case (e.g. email, phone-number).</param>
/// <param name="MinConfidencePercent">Minimum detector confidence, in percent, for a match to count.</param>
public sealed record PiiDetection(bool Enabled, PiiDetectionMode Mode, EquatableArray<string> Entities, int MinConfidencePercent);

/// <summary>Retention periods, in days.</summary>
/// <param name="AuditLogDays">Days audit log events are kept.</param>
/// <param name="EvidenceDays">Days evidence reports and their source evidence are kept.</param>
/// <param name="IncidentRecordDays">Days incident records are kept.</param>
public sealed record RetentionPolicy(int AuditLogDays, int EvidenceDays, int IncidentRecordDays);
