using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// What the package's signed statement says about the evidence (predicate type <see cref="PackageStatement.PredicateType"/>):
/// the organisation, the window, the catalog it was judged against, the report format version, the Type II verdict with
/// its warnings, and how much evidence the window held.
/// </summary>
/// <param name="OrgId">The account (organisation) id.</param>
/// <param name="OrgName">Its name, when the catalogs or the account configuration give one.</param>
/// <param name="From">First day of the window, inclusive.</param>
/// <param name="To">Last day of the window, inclusive.</param>
/// <param name="TimeZone">The IANA zone the window's days are counted in.</param>
/// <param name="Days">Days in the window.</param>
/// <param name="CatalogFingerprint">The catalog fingerprint the report carries.</param>
/// <param name="ReportVersion">The report format version.</param>
/// <param name="GeneratedAt">When the report was generated.</param>
/// <param name="TypeII">The Type II verdict.</param>
/// <param name="TypeIIWarnings">Why the verdict is what it is (the report's validation warnings).</param>
/// <param name="EventsInWindow">The account's events in the window; 0 says the window held none.</param>
/// <param name="PopulationRows">Rows of the evidence population (control × evidence event).</param>
/// <param name="Report">The report's path in the package.</param>
public sealed record PackagePredicate(
    string OrgId,
    string? OrgName,
    string From,
    string To,
    string TimeZone,
    int Days,
    string CatalogFingerprint,
    string ReportVersion,
    string GeneratedAt,
    bool TypeII,
    IReadOnlyList<string> TypeIIWarnings,
    long EventsInWindow,
    long PopulationRows,
    string Report);
