namespace EvidenceCatalog.Model;

/// <summary>Organisation-wide compliance configuration.</summary>
public sealed record CompliancePolicies(
    Organization Organization,
    EquatableArray<string> ActiveFrameworks,
    EquatableArray<DataCategory> DataCategories,
    PiiDetection PiiDetection,
    RetentionPolicy Retention);

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
