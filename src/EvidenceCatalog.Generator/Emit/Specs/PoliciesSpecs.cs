using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

internal sealed record DataCategorySpec(string Member, EquatableArray<string> Doc, string Id, string Name, string Residency, string Description);

/// <summary>The compliance policies; <see cref="DataCategories"/> is an array expression over the <c>CompliancePolicy.DataCategories</c> members.</summary>
internal sealed record PoliciesSpec(
    string OrganizationId,
    string OrganizationName,
    string ActiveFrameworks,
    string DataCategories,
    string PiiEnabled,
    string PiiMode,
    string PiiEntities,
    string PiiMinConfidencePercent,
    string AuditLogDays,
    string EvidenceDays,
    string IncidentRecordDays,
    string CategoriesInScope,
    string Staleness);
