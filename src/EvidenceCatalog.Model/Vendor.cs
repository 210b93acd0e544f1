namespace EvidenceCatalog.Model;

/// <summary>An entry of the vendor register.</summary>
public sealed record Vendor(
    string Id,
    string Name,
    string Service,
    RiskLevel Risk,
    Soc2Status Soc2TypeII,
    CalendarDate? Soc2PeriodEnd,
    EquatableArray<string> Certifications,
    EquatableArray<string> DataAccess,
    EquatableArray<string> Mitigations,
    CalendarDate LastReview,
    CalendarDate NextReview);

public enum RiskLevel
{
    Critical,
    High,
    Medium,
    Low,
}

public enum Soc2Status
{
    Current,
    Expired,
    InProgress,
    NotAvailable,
}
