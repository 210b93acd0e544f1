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
/// <param name="Staleness">How old the dated facts of the catalogs may be on the as-of date before they are reported (warnings; errors under --strict). Every threshold is optional and has a default.</param>
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
/// <param name="Soc2ReportMonths">A vendor's SOC 2 Type II report is out of date when its periodEnd is more than this many months before the as-of date (EC4006). Default 12.</param>
/// <param name="RunbookTestMonths">A runbook procedure is overdue for a test when its lastTested is more than this many months before the as-of date (EC4009). Default 12.</param>
/// <param name="ControlReviewMonths">A control that declares lastReviewed but no reviewEveryMonths is due for review this many months after it (EC4010). Default 12.</param>
/// <param name="AccessReviewMonths">The access catalog is due for review this many months after its lastReviewed (EC4011). Default 3 (quarterly).</param>
public sealed record StalenessPolicy(int Soc2ReportMonths, int RunbookTestMonths, int ControlReviewMonths, int AccessReviewMonths)
{
    /// <summary>12 months for a SOC 2 report, a runbook test and a control review; 3 months (quarterly) for the access review.</summary>
    public static readonly StalenessPolicy Default = new(12, 12, 12, 3);
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
