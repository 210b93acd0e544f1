using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The encryption inventory as the catalog declares it.</summary>
public sealed record EncryptionInventorySection(IReadOnlyList<EncryptionEntry> Entries, EncryptionSummary Summary) : ReportSection;

public sealed record EncryptionEntry(
    string Id,
    string Name,
    string Algorithm,
    int? KeySizeBits,
    string Scope,
    string ManagedBy,
    string SourceModule,
    string Coverage,
    IReadOnlyList<string> Criteria,
    string? Notes);

public sealed record EncryptionSummary(int Total, int AtRest, int InTransit, int Both);

/// <summary>The vendor register, with reviews judged against the window's last day.</summary>
public sealed record VendorRegisterSection(IReadOnlyList<VendorEntry> Vendors, VendorSummary Summary) : ReportSection;

public sealed record VendorEntry(
    string Id,
    string Name,
    string Service,
    string Risk,
    string Soc2TypeII,
    string? Soc2PeriodEnd,
    IReadOnlyList<string> Certifications,
    IReadOnlyList<string> DataAccess,
    IReadOnlyList<string> Mitigations,
    string LastReview,
    string NextReview,
    bool ReviewOverdue);

public sealed record VendorSummary(int Total, IReadOnlyDictionary<string, int> ByRisk, int ReviewsOverdue, int WithoutCurrentSoc2);

/// <summary>Incident-response readiness: severities, the responders steps call on, procedures by phase, and incident activity in the window.</summary>
public sealed record IncidentResponseSection(
    IReadOnlyList<SeverityEntry> Severities,
    IReadOnlyList<ResponderEntry> Responders,
    IReadOnlyList<ProcedureEntry> Procedures,
    IReadOnlyDictionary<string, long> ActivityInWindow) : ReportSection;

public sealed record SeverityEntry(string Id, string Name, int ResponseMinutes, string? Description);

/// <summary>An on-call role of the runbooks; a step whose <c>role</c> is <see cref="Id"/> is carried out by it.</summary>
public sealed record ResponderEntry(string Id, string Name, string OnCall, string? Escalation);

/// <summary>
/// A procedure. <see cref="Severity"/> is the one severity it is written for; <see cref="Severities"/> (null unless
/// declared) the several it covers; neither means any severity. <see cref="LastTested"/> is YYYY-MM-DD, when declared.
/// </summary>
public sealed record ProcedureEntry(
    string Id,
    string Name,
    string? Description,
    string Phase,
    string? Severity,
    IReadOnlyList<string>? Severities,
    string? LastTested,
    IReadOnlyList<ProcedureStepEntry> Steps);

public sealed record ProcedureStepEntry(string Action, string Role, int SlaMinutes, IReadOnlyList<string> Tools, string? Escalation);

/// <summary>The account's compliance configuration: the account it is about, and its values with where each comes from.</summary>
public sealed record ComplianceConfigSection(
    string? OrganizationId,
    string? OrganizationName,
    IReadOnlyList<string> ActiveFrameworks,
    PiiDetectionEntry? PiiDetection) : ReportSection
{
    /// <summary>For each value present (<c>organizationName</c>, <c>activeFrameworks</c>, <c>piiDetection</c>): <c>account</c>, <c>catalog</c> or <c>catalog-default</c>.</summary>
    public IReadOnlyDictionary<string, string>? Sources { get; init; }
}

public sealed record PiiDetectionEntry(bool Enabled, string Mode, IReadOnlyList<string> Entities, int MinConfidencePercent);

/// <summary>Where each category of data may live.</summary>
public sealed record DataResidencySection(IReadOnlyList<DataCategoryEntry> Categories) : ReportSection
{
    /// <summary>Where the categories come from: <c>account</c>, <c>catalog</c> or <c>catalog-default</c>; absent when there are none.</summary>
    public string? Source { get; init; }
}

public sealed record DataCategoryEntry(string Id, string Name, string Residency, string? Description);

/// <summary>Retention periods, and whether the window lies within the evidence retention period.</summary>
public sealed record RetentionPolicySection(int AuditLogDays, int EvidenceDays, int IncidentRecordDays, bool WindowWithinEvidenceRetention) : ReportSection
{
    /// <summary>Where the periods come from: <c>account</c>, <c>catalog</c> or <c>catalog-default</c>; absent when there are none.</summary>
    public string? Source { get; init; }
}
