namespace EvidenceCatalog.Model;

/// <summary>A compliance framework (SOC 2, 2017 Trust Services Criteria) and its criteria.</summary>
public sealed record Framework(string Id, string Name, string Version, string Publisher, string Description, EquatableArray<Criterion> Criteria);

/// <summary>One criterion of a framework, with a short title in our own words.</summary>
public sealed record Criterion(string Id, CriterionCategory Category, string Title);

public enum CriterionCategory
{
    Security,
    Availability,
    Confidentiality,
    ProcessingIntegrity,
    Privacy,
}
