using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports.Accounts;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// The sections of the account's policies — compliance configuration, data residency, retention — from its
/// configuration over the policies catalog (<see cref="AccountPolicies"/>), each value labelled with where it comes
/// from; degraded when the configuration cannot be used, or when nothing declares the section's values.
/// </summary>
internal static class PolicySectionBuilder
{
    public static ComplianceConfigSection ComplianceConfig(SectionContext context)
    {
        var policies = context.Policies;
        var sources = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        Note(sources, "organizationName", policies.OrganizationName);
        Note(sources, "activeFrameworks", policies.ActiveFrameworks);
        Note(sources, "piiDetection", policies.PiiDetection);
        var pii = policies.PiiDetection?.Value;
        var section = new ComplianceConfigSection(
            policies.Account,
            policies.OrganizationName?.Value,
            policies.ActiveFrameworks?.Value ?? [],
            pii is null ? null : new PiiDetectionEntry(pii.Enabled, KebabCase.FromEnum(pii.Mode), pii.Entities.ToArray(), pii.MinConfidencePercent))
        {
            Sources = sources,
        };
        return (ComplianceConfigSection)Checked(section, context, sources.Count > 0, "no policies", "a compliance configuration");
    }

    public static DataResidencySection DataResidency(SectionContext context)
    {
        var categories = context.Policies.DataCategories;
        var section = new DataResidencySection(
            (categories?.Value ?? []).Select(c => new DataCategoryEntry(c.Id, c.Name, KebabCase.FromEnum(c.Residency), c.Description)).ToList())
        {
            Source = Name(categories),
        };
        return (DataResidencySection)Checked(section, context, categories is not null, "no data categories", "data categories");
    }

    public static RetentionPolicySection Retention(SectionContext context)
    {
        var retention = context.Policies.Retention;
        if (retention?.Value is not { } days)
        {
            return (RetentionPolicySection)Checked(new RetentionPolicySection(0, 0, 0, false), context, false, "no retention policy", "a retention policy");
        }

        int windowAgeDays = (int)(Aggregation.ReportWindow.ToDateTime(context.Today) - Aggregation.ReportWindow.ToDateTime(context.Window.From)).TotalDays;
        var section = new RetentionPolicySection(days.AuditLogDays, days.EvidenceDays, days.IncidentRecordDays, windowAgeDays <= days.EvidenceDays)
        {
            Source = Name(retention),
        };
        return (RetentionPolicySection)Checked(section, context, true, "no retention policy", "a retention policy");
    }

    /// <summary>The section, degraded when the account's configuration could not be used or nothing declares its values.</summary>
    private static ReportSection Checked(ReportSection section, SectionContext context, bool declared, string catalogsNone, string neither) =>
        context.PoliciesProblem is { } problem ? section.AsDegraded(problem)
        : declared ? section
        : section.AsDegraded(context.Options.AccountConfiguration is null
            ? "the catalogs declare " + catalogsNone
            : "neither the account's configuration nor the catalogs declare " + neither);

    private static void Note<T>(SortedDictionary<string, string> sources, string member, Sourced<T>? value)
    {
        if (value is { } present)
        {
            sources[member] = AccountPolicies.Name(present.Source);
        }
    }

    private static string? Name<T>(Sourced<T>? value) => value is { } present ? AccountPolicies.Name(present.Source) : null;
}
