using System;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>
/// A framework of the catalogs as an OSCAL Catalog: each criterion a control (its id, and the framework catalog's own
/// title), grouped by the framework's categories (security, availability, …) in the order the framework catalog lists them.
/// </summary>
internal static class FrameworkCatalogDocument
{
    public static CatalogRoot Build(Framework framework, string fingerprint, OscalIdentifiers ids, string lastModified)
    {
        var groups = framework.Criteria
            .GroupBy(c => c.Category)
            .Select(g => new CatalogGroup(
                KebabCase.FromEnum(g.Key),
                CategoryTitle(g.Key),
                null,
                g.Select(c => new CatalogControl(c.Id, c.Title, [new Property("label", null, c.Id)])).ToArray()))
            .ToArray();
        var metadata = new Metadata(
            $"{framework.Name} ({framework.Publisher} {framework.Version})",
            lastModified,
            framework.Version + "+" + fingerprint[..Math.Min(12, fingerprint.Length)],
            OscalJson.OscalVersion,
            [OscalJson.Prop("framework-id", framework.Id), OscalJson.Prop("catalog-fingerprint", fingerprint)],
            null,
            null,
            null,
            framework.Description);
        return new CatalogRoot(new OscalCatalog(ids.Uuid("catalog", framework.Id), metadata, groups));
    }

    private static string CategoryTitle(CriterionCategory category) => category switch
    {
        CriterionCategory.Security => "Security",
        CriterionCategory.Availability => "Availability",
        CriterionCategory.Confidentiality => "Confidentiality",
        CriterionCategory.ProcessingIntegrity => "Processing Integrity",
        CriterionCategory.Privacy => "Privacy",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "a criterion category without a title"),
    };
}
