using System;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Reports.Accounts;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// Where one report section comes from. A report runs its sources concurrently, each under its own timeout; a source
/// that throws, or does not answer in time, is replaced by the section's safe defaults marked <c>degraded</c> with the
/// reason, and the rest of the report is still built. Each <see cref="SectionDefinition"/> has a built-in source; a
/// service replaces one (an identity provider for the access review, say) by giving a source with the same name.
/// </summary>
public interface ISectionSource
{
    /// <summary>The section's name as the API spells it (<c>access-review</c>); one of <see cref="SectionDefinitions.Names"/>.</summary>
    string Name { get; }

    /// <summary>
    /// True when the section is counted from the report's events: it is started once the event evidence
    /// (<see cref="SectionContext.Tally"/>) is filled, and its timeout runs from then.
    /// </summary>
    bool ReadsEvents { get; }

    /// <summary>Builds the section. <paramref name="cancellationToken"/> is cancelled when its time is up.</summary>
    /// <returns>A section of its definition's <see cref="SectionDefinition.SectionType"/>.</returns>
    Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken);
}

/// <summary>What a section source may read: the catalog, the report's options and window, and the event tally.</summary>
public sealed class SectionContext
{
    internal SectionContext(IEvidenceCatalog catalog, ReportOptions options, EvidenceTally tally, DateTimeOffset generatedAt, AccountPolicies policies, string? policiesProblem)
    {
        Catalog = catalog;
        Options = options;
        Tally = tally;
        GeneratedAt = generatedAt;
        Policies = policies;
        PoliciesProblem = policiesProblem;
        var local = TimeZoneInfo.ConvertTime(generatedAt, options.TimeZone);
        Today = new CalendarDate(local.Year, local.Month, local.Day);
        AsOf = generatedAt < tally.Window.EndUtc ? generatedAt : tally.Window.EndUtc;
        accessReview = new Lazy<AccessReviewSection>(() => AccessReviewBuilder.FromSnapshot(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<AccessReviewSection> accessReview;

    public IEvidenceCatalog Catalog { get; }

    public CatalogModel Model => Catalog.Model;

    public ReportOptions Options { get; }

    public ReportWindow Window => Tally.Window;

    /// <summary>The counted events; filled before a source that <see cref="ISectionSource.ReadsEvents"/> starts.</summary>
    public EvidenceTally Tally { get; }

    /// <summary>The report's time (whole seconds, UTC).</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>The earlier of <see cref="GeneratedAt"/> and the window's end: the instant ages are judged at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The report's date in the window's zone.</summary>
    public CalendarDate Today { get; }

    /// <summary>
    /// The account's policies: its configuration over the policies catalog. When the configuration could not be used,
    /// the catalog's alone (<see cref="PoliciesProblem"/> says why, and the policy sections are degraded).
    /// </summary>
    public AccountPolicies Policies { get; }

    /// <summary>Why the account's configuration could not be used, or null.</summary>
    public string? PoliciesProblem { get; }

    /// <summary>
    /// The review of the report's access snapshot (<see cref="ReportOptions.AccessSnapshot"/>), read and built once for
    /// every section that uses it: the access review, and the API key health of the security metrics.
    /// </summary>
    public AccessReviewSection AccessReview => accessReview.Value;
}
