using System;
using System.Collections.Generic;
using System.Linq;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The report's nine sections, in report order: the one list every consumer reads (adding a section is one definition here).</summary>
public static class SectionDefinitions
{
    public static readonly SectionDefinition<AccessReviewSection> AccessReview = new(
        "access-review",
        readsEvents: false,
        AccessReviewBuilder.FromOptions,
        c => AccessReviewBuilder.Empty(c.Model, "the access review could not be built"));

    public static readonly SectionDefinition<SecurityMetricsSection> SecurityMetrics = new(
        "security-metrics",
        readsEvents: true,
        c => LiveSectionBuilder.SecurityMetrics(c.Tally) with { ApiKeyHealth = AccessReviewBuilder.KeyHealth(c) },
        _ => new SecurityMetricsSection([]));

    public static readonly SectionDefinition<EncryptionInventorySection> EncryptionInventory = new(
        "encryption-inventory",
        readsEvents: false,
        c => CatalogSectionBuilder.Encryption(c.Model),
        _ => new EncryptionInventorySection([], new EncryptionSummary(0, 0, 0, 0)));

    public static readonly SectionDefinition<VendorRegisterSection> VendorRegister = new(
        "vendor-register",
        readsEvents: false,
        c => CatalogSectionBuilder.Vendors(c.Model, c.Window.To),
        _ => new VendorRegisterSection([], new VendorSummary(0, new Dictionary<string, int>(), 0, 0)));

    public static readonly SectionDefinition<IncidentResponseSection> IncidentResponse = new(
        "incident-response",
        readsEvents: true,
        c => CatalogSectionBuilder.IncidentResponse(c.Model, LiveSectionBuilder.IncidentActivity(c.Tally)),
        _ => new IncidentResponseSection([], [], [], new Dictionary<string, long>()));

    public static readonly SectionDefinition<ComplianceConfigSection> ComplianceConfig = new(
        "compliance-config",
        readsEvents: false,
        PolicySectionBuilder.ComplianceConfig,
        c => new ComplianceConfigSection(c.Options.Account, null, [], null));

    public static readonly SectionDefinition<DataResidencySection> DataResidency = new(
        "data-residency",
        readsEvents: false,
        PolicySectionBuilder.DataResidency,
        _ => new DataResidencySection([]));

    public static readonly SectionDefinition<RetentionPolicySection> RetentionPolicy = new(
        "retention-policy",
        readsEvents: false,
        PolicySectionBuilder.Retention,
        _ => new RetentionPolicySection(0, 0, 0, false));

    public static readonly SectionDefinition<AuditLogSummarySection> AuditLogSummary = new(
        "audit-log-summary",
        readsEvents: true,
        c => LiveSectionBuilder.AuditLog(c.Tally),
        c => new AuditLogSummarySection(c.Window.DateOf(c.Window.AuditOffset).ToString(), c.Window.To.ToString(), 0, new Dictionary<string, long>(), []));

    /// <summary>Every section, in report order.</summary>
    public static readonly IReadOnlyList<SectionDefinition> All =
        [AccessReview, SecurityMetrics, EncryptionInventory, VendorRegister, IncidentResponse, ComplianceConfig, DataResidency, RetentionPolicy, AuditLogSummary];

    /// <summary>Section names as the API and docs spell them, in report order.</summary>
    public static readonly IReadOnlyList<string> Names = All.Select(s => s.Name).ToArray();

    /// <summary>The section named <paramref name="name"/>, or null.</summary>
    public static SectionDefinition? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The section named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No section has that name.</exception>
    public static SectionDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException($"there is no section '{name}'; sections are: {string.Join(", ", Names)}", nameof(name));
}
