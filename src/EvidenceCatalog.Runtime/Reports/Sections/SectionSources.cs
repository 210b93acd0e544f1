using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The built-in section sources, and each section's safe defaults for when its source fails.</summary>
public static class SectionSources
{
    /// <summary>The nine built-in sources, in report order.</summary>
    public static readonly IReadOnlyList<ISectionSource> Default =
    [
        new Source("access-review", false, AccessReview),
        new Source("security-metrics", true, c => LiveSectionBuilder.SecurityMetrics(c.Tally)),
        new Source("encryption-inventory", false, c => CatalogSectionBuilder.Encryption(c.Model)),
        new Source("vendor-register", false, c => CatalogSectionBuilder.Vendors(c.Model, c.Window.To)),
        new Source("incident-response", true, c => CatalogSectionBuilder.IncidentResponse(c.Model, LiveSectionBuilder.IncidentActivity(c.Tally))),
        new Source("compliance-config", false, c => CatalogSectionBuilder.ComplianceConfig(c.Model)),
        new Source("data-residency", false, c => CatalogSectionBuilder.DataResidency(c.Model)),
        new Source("retention-policy", false, c => CatalogSectionBuilder.Retention(c.Model, c.Window.From, c.Today)),
        new Source("audit-log-summary", true, c => LiveSectionBuilder.AuditLog(c.Tally)),
    ];

    /// <summary>The built-in source of <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No section has that name.</exception>
    public static ISectionSource Of(string name) =>
        Default.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"there is no section '{name}'; sections are: {string.Join(", ", ReportSections.Names)}", nameof(name));

    /// <summary>
    /// The section with safe defaults (empty lists, zero counts, the catalog's roles at zero), not yet marked degraded:
    /// what a report shows when the section's source failed.
    /// </summary>
    public static ReportSection Fallback(string name, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var window = context.Window;
        return name switch
        {
            "access-review" => AccessReviewBuilder.Empty(context.Model, "the access review could not be built"),
            "security-metrics" => new SecurityMetricsSection([]),
            "encryption-inventory" => new EncryptionInventorySection([], new EncryptionSummary(0, 0, 0, 0)),
            "vendor-register" => new VendorRegisterSection([], new VendorSummary(0, new Dictionary<string, int>(), 0, 0)),
            "incident-response" => new IncidentResponseSection([], [], new Dictionary<string, long>()),
            "compliance-config" => new ComplianceConfigSection(null, null, [], null),
            "data-residency" => new DataResidencySection([]),
            "retention-policy" => new RetentionPolicySection(0, 0, 0, false),
            "audit-log-summary" => new AuditLogSummarySection(window.DateOf(window.AuditOffset).ToString(), window.To.ToString(), 0, new Dictionary<string, long>(), []),
            _ => throw new ArgumentException($"there is no section '{name}'", nameof(name)),
        };
    }

    private static AccessReviewSection AccessReview(SectionContext context)
    {
        var snapshot = context.Options.AccessSnapshot;
        if (snapshot is null)
        {
            return AccessReviewBuilder.Empty(context.Model, "no access snapshot was given (--access FILE)");
        }

        try
        {
            return AccessReviewBuilder.Build(context.Model, snapshot.Load(), context.AsOf);
        }
        catch (AccessSnapshotException exception)
        {
            return AccessReviewBuilder.Empty(context.Model, exception.Message);
        }
    }

    /// <summary>A built-in source: synchronous, in-memory work over the catalog, the snapshot or the tally.</summary>
    private sealed class Source(string name, bool readsEvents, Func<SectionContext, ReportSection> build) : ISectionSource
    {
        public string Name => name;

        public bool ReadsEvents => readsEvents;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken) => Task.FromResult(build(context));
    }
}
