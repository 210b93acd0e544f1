namespace EvidenceCatalog.Model;

/// <summary>A compliance framework (SOC 2, 2017 Trust Services Criteria) and its criteria.</summary>
/// <param name="Id">Framework id, kebab-case (e.g. soc2). Referenced by policies.activeFrameworks.</param>
/// <param name="Name">Display name of the framework (e.g. SOC 2).</param>
/// <param name="Version">Edition of the framework, as a string (e.g. "2017"). Quote it in YAML.</param>
/// <param name="Publisher">Body that publishes the framework (e.g. AICPA).</param>
/// <param name="Description">What the framework covers, in one or two sentences.</param>
/// <param name="Criteria">The criteria of the framework, in publication order.</param>
public sealed record Framework(string Id, string Name, string Version, string Publisher, string Description, EquatableArray<Criterion> Criteria);

/// <summary>One criterion of a framework, with a short title in our own words.</summary>
/// <param name="Id">Criterion id (e.g. CC6.1). Unique within the framework.</param>
/// <param name="Category">Trust Services category the criterion belongs to.</param>
/// <param name="Title">Short title of the criterion, in our own words (not the AICPA wording).</param>
public sealed record Criterion(string Id, CriterionCategory Category, string Title);

public enum CriterionCategory
{
    Security,
    Availability,
    Confidentiality,
    ProcessingIntegrity,
    Privacy,
}
