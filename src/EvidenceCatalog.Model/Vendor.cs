namespace EvidenceCatalog.Model;

/// <summary>An entry of the vendor register.</summary>
/// <param name="Id">Vendor id, kebab-case (e.g. aws, redis-cloud).</param>
/// <param name="Name">Legal or trading name of the vendor.</param>
/// <param name="Service">What the organisation uses the vendor for.</param>
/// <param name="Risk">Inherent risk level of the vendor relationship.</param>
/// <param name="Soc2TypeII">The vendor's SOC 2 Type II report status.</param>
/// <param name="Soc2PeriodEnd">End of the period the report covers (YYYY-MM-DD). Null when no report is on file.</param>
/// <param name="Certifications">Other certifications and attestations held (e.g. ISO 27001). May be empty.</param>
/// <param name="DataAccess">Data categories (declared in the policies catalog) the vendor can access. May be empty.</param>
/// <param name="Mitigations">Specific mitigations in place for the vendor's risk.</param>
/// <param name="LastReview">Date of the last vendor review (YYYY-MM-DD).</param>
/// <param name="NextReview">Date the next vendor review is due (YYYY-MM-DD). A date before the as-of date is overdue.</param>
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
