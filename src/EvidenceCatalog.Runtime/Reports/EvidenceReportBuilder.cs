using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// Builds one evidence report: create it, feed its <see cref="Tally"/> (from a stream through <see cref="CreateReader"/>,
/// or from a store), then <see cref="Build"/>. Every section is built on its own; one whose source fails is filled with
/// safe defaults and marked degraded, and the report is still produced.
/// </summary>
public sealed class EvidenceReportBuilder
{
    private readonly ReportOptions options;

    public EvidenceReportBuilder(IEvidenceCatalog catalog, ReportOptions options)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        GeneratedAt = TruncateToSeconds(options.Clock.GetUtcNow());
        Vocabulary = new EventVocabulary(catalog);
        Window = new ReportWindow(options.From, options.To, options.TimeZone);
        Stats = new IngestionStats();
        Tally = new EvidenceTally(Vocabulary, Window, options.Account, Stats, options.SampleSize);
    }

    public IEvidenceCatalog Catalog { get; }

    public EventVocabulary Vocabulary { get; }

    public ReportWindow Window { get; }

    public IngestionStats Stats { get; }

    public EvidenceTally Tally { get; }

    /// <summary>The report's time (whole seconds, UTC); events after it plus the tolerance are in the future.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>A reader that validates against the catalog and refuses events from the future.</summary>
    public EventStreamReader CreateReader() => new(Vocabulary, GeneratedAt + options.FutureTolerance);

    /// <summary>Builds a report from events handed in as they come (the library API for services).</summary>
    public static async Task<EvidenceReport> BuildAsync(
        IEvidenceCatalog catalog,
        IAsyncEnumerable<AuditEvent> events,
        ReportOptions options,
        IEventQuarantine? quarantine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new EvidenceReportBuilder(catalog, options);
        var reader = builder.CreateReader();
        long ordinal = 0;
        await foreach (var auditEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            reader.Read(auditEvent, ++ordinal, "events", builder.Tally, builder.Stats, quarantine);
        }

        return builder.Build(new ReportInputs("events", ["events"], null));
    }

    /// <summary>The report from what the tally holds.</summary>
    public EvidenceReport Build(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var model = Catalog.Model;
        var meta = new ReportMeta(
            RuntimeInfo.ReportVersion,
            options.Account,
            model.Policies is { } p && string.Equals(p.Organization.Id, options.Account, StringComparison.Ordinal) ? p.Organization.Name : null,
            EventJson.FormatTime(GeneratedAt),
            new ReportWindowInfo(Window.From.ToString(), Window.To.ToString(), options.TimeZone.Id, Window.Days, EventJson.FormatTime(Window.StartUtc), EventJson.FormatTime(Window.EndUtc)),
            Catalog.Fingerprint,
            new IngestionSummary(
                inputs.Source, inputs.Names, Stats.Read, Stats.Accepted, Stats.Duplicates, Stats.Rejected,
                Stats.InWindow, Stats.OutsideWindow, Stats.OtherAccounts, Stats.TruncatedLastLine, inputs.Quarantine));

        var asOf = GeneratedAt < Window.EndUtc ? GeneratedAt : Window.EndUtc;
        var local = TimeZoneInfo.ConvertTime(GeneratedAt, options.TimeZone);
        var today = new CalendarDate(local.Year, local.Month, local.Day);
        var sections = new ReportSections(
            Section(AccessReview, () => AccessReviewBuilder.Empty(model, "the access review could not be built")),
            Section(() => LiveSectionBuilder.SecurityMetrics(Tally), () => new SecurityMetricsSection([])),
            Section(() => CatalogSectionBuilder.Encryption(model), () => new EncryptionInventorySection([], new EncryptionSummary(0, 0, 0, 0))),
            Section(() => CatalogSectionBuilder.Vendors(model, Window.To), () => new VendorRegisterSection([], new VendorSummary(0, new Dictionary<string, int>(), 0, 0))),
            Section(() => CatalogSectionBuilder.IncidentResponse(model, LiveSectionBuilder.IncidentActivity(Tally)), () => new IncidentResponseSection([], [], new Dictionary<string, long>())),
            Section(() => CatalogSectionBuilder.ComplianceConfig(model), () => new ComplianceConfigSection(null, null, [], null)),
            Section(() => CatalogSectionBuilder.DataResidency(model), () => new DataResidencySection([])),
            Section(() => CatalogSectionBuilder.Retention(model, Window.From, today), () => new RetentionPolicySection(0, 0, 0, false)),
            Section(() => LiveSectionBuilder.AuditLog(Tally), () => new AuditLogSummarySection(Window.DateOf(Window.AuditOffset).ToString(), Window.To.ToString(), 0, new Dictionary<string, long>(), [])));

        return new EvidenceReport(
            meta,
            ControlEvidenceBuilder.Validate(Tally, options.GapDays),
            ControlEvidenceBuilder.Build(Tally, options.GapDays),
            sections);

        AccessReviewSection AccessReview()
        {
            if (options.AccessSnapshot is null)
            {
                return AccessReviewBuilder.Empty(model, "no access snapshot was given (--access FILE)");
            }

            try
            {
                return AccessReviewBuilder.Build(model, options.AccessSnapshot.Load(), asOf);
            }
            catch (AccessSnapshotException exception)
            {
                return AccessReviewBuilder.Empty(model, exception.Message);
            }
        }
    }

    /// <summary>Builds a section; on any failure, the fallback marked degraded with the failure's message. Stamps its time.</summary>
    private T Section<T>(Func<T> build, Func<T> fallback)
        where T : ReportSection
    {
        T section;
        try
        {
            section = build();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            section = (T)fallback().AsDegraded("the section could not be built: " + exception.Message);
        }

        return section with { GeneratedAt = EventJson.FormatTime(TruncateToSeconds(options.Clock.GetUtcNow())) };
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

/// <summary>Where a report's events came from, for its meta block.</summary>
/// <param name="Source"><c>events</c> (JSON Lines) or <c>store</c>.</param>
/// <param name="Names">The inputs as given (paths, <c>-</c>, the store).</param>
/// <param name="Quarantine">Where rejected records were written, if anywhere.</param>
public sealed record ReportInputs(string Source, IReadOnlyList<string> Names, string? Quarantine);
