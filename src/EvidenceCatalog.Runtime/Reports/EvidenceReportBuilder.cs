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

    /// <summary>The report from what the tally holds, every section built in turn (the CLI's path).</summary>
    public EvidenceReport Build(ReportInputs inputs) =>
        BuildAsync(inputs, null, SectionSettings.Default, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// The report, with the tally filled by <paramref name="fillEvidence"/> (a store's pushed-down aggregation; null
    /// when it is already filled) while the sections that do not read events are built alongside. Each section runs
    /// under <see cref="SectionSettings.Timeout"/>; one that fails or is late is degraded, and the report still
    /// returns. Filling the evidence is not optional: when it fails, so does the report (there are no controls without it).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<EvidenceReport> BuildAsync(
        ReportInputs inputs,
        Func<CancellationToken, Task>? fillEvidence,
        SectionSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        settings ??= SectionSettings.Default;
        var context = new SectionContext(Catalog, options, Tally, GeneratedAt);
        var evidence = Fill(fillEvidence, cancellationToken);
        var sections = ReportSections.Names.Select(name => RunSection(settings.SourceOf(name), context, evidence, settings, cancellationToken)).ToArray();
        await evidence.ConfigureAwait(false);
        var built = await Task.WhenAll(sections).ConfigureAwait(false);
        return new EvidenceReport(
            Meta(inputs, withIngestion: true),
            ControlEvidenceBuilder.Validate(Tally, options.GapDays),
            ControlEvidenceBuilder.Build(Tally, options.GapDays),
            new ReportSections(
                (AccessReviewSection)built[0],
                (SecurityMetricsSection)built[1],
                (EncryptionInventorySection)built[2],
                (VendorRegisterSection)built[3],
                (IncidentResponseSection)built[4],
                (ComplianceConfigSection)built[5],
                (DataResidencySection)built[6],
                (RetentionPolicySection)built[7],
                (AuditLogSummarySection)built[8]));
    }

    /// <summary>
    /// One section on its own, with the report's meta: the events are read (through <paramref name="fillEvidence"/>)
    /// only when the section is counted from them, and only then does the meta carry the ingestion summary.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a section.</exception>
    public async Task<SectionReport> BuildSectionAsync(
        string name,
        ReportInputs inputs,
        Func<CancellationToken, Task>? fillEvidence,
        SectionSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        settings ??= SectionSettings.Default;
        var source = settings.SourceOf(name);
        var context = new SectionContext(Catalog, options, Tally, GeneratedAt);
        var evidence = source.ReadsEvents ? Fill(fillEvidence, cancellationToken) : Task.CompletedTask;
        var section = await RunSection(source, context, evidence, settings, cancellationToken).ConfigureAwait(false);
        await evidence.ConfigureAwait(false);
        return new SectionReport(Meta(inputs, source.ReadsEvents), new Dictionary<string, object> { [ReportSections.MemberName(name)] = section });
    }

    private static Task Fill(Func<CancellationToken, Task>? fillEvidence, CancellationToken cancellationToken) =>
        fillEvidence is null ? Task.CompletedTask : Task.Run(() => fillEvidence(cancellationToken), cancellationToken);

    private ReportMeta Meta(ReportInputs inputs, bool withIngestion)
    {
        var model = Catalog.Model;
        return new ReportMeta(
            RuntimeInfo.ReportVersion,
            options.Account,
            model.Policies is { } p && string.Equals(p.Organization.Id, options.Account, StringComparison.Ordinal) ? p.Organization.Name : null,
            EventJson.FormatTime(GeneratedAt),
            new ReportWindowInfo(Window.From.ToString(), Window.To.ToString(), options.TimeZone.Id, Window.Days, EventJson.FormatTime(Window.StartUtc), EventJson.FormatTime(Window.EndUtc)),
            Catalog.Fingerprint,
            withIngestion
                ? new IngestionSummary(
                    inputs.Source, inputs.Names, Stats.Read, Stats.Accepted, Stats.Duplicates, Stats.Rejected,
                    Stats.InWindow, Stats.OutsideWindow, Stats.OtherAccounts, Stats.TruncatedLastLine, inputs.Quarantine)
                : null);
    }

    /// <summary>
    /// Runs one source under its timeout (from when it may start: at once, or once the evidence is in); on failure or
    /// timeout, the section's fallback marked degraded with the reason. Stamps the section's time.
    /// </summary>
    private async Task<ReportSection> RunSection(ISectionSource source, SectionContext context, Task evidence, SectionSettings settings, CancellationToken cancellationToken)
    {
        ReportSection section;
        var expected = SectionSources.Fallback(source.Name, context);
        using var late = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (source.ReadsEvents)
            {
                await evidence.ConfigureAwait(false);
            }

            var work = Task.Run(() => source.BuildAsync(context, late.Token), late.Token);
            section = settings.Timeout == Timeout.InfiniteTimeSpan
                ? await work.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await work.WaitAsync(settings.Timeout, settings.TimeoutClock, cancellationToken).ConfigureAwait(false);
            if (section is null || section.GetType() != expected.GetType())
            {
                throw new InvalidOperationException($"its source returned {section?.GetType().Name ?? "nothing"} instead of {expected.GetType().Name}");
            }
        }
        catch (TimeoutException)
        {
            await late.CancelAsync().ConfigureAwait(false);
            section = expected.AsDegraded($"the section's source did not answer within {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            section = expected.AsDegraded("the section could not be built: " + exception.Message);
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
