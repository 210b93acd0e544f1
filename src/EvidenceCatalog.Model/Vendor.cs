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
    CalendarDate NextReview)
{
    /// <summary>A vendor at critical or high risk is relied on enough that it needs a current SOC 2 Type II report (EC4007, <c>evidence diff</c>'s ECD006).</summary>
    public bool RequiresSoc2Report => Risk is RiskLevel.Critical or RiskLevel.High;
}

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
