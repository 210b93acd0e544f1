using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports.Accounts;
using EvidenceCatalog.Runtime.Reports.Operation;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// Builds one evidence report (the engine of <see cref="Jobs.ReportJob"/>): the tally is filled by a source while the
/// sections that do not read events are built alongside; each section runs under its own timeout, and one whose source
/// fails or is late is filled with safe defaults and marked degraded, and the report is still produced.
/// </summary>
internal sealed class EvidenceReportBuilder
{
    private readonly ReportOptions options;
    private readonly string? catalogSource;

    /// <param name="catalog">The catalogs the report is built against.</param>
    /// <param name="options">What the report is about.</param>
    /// <param name="catalogSource">Where the catalogs came from, for the meta; null to leave it out.</param>
    /// <param name="namesOtherAccounts">Whether a store names its other accounts when the report's has none (<see cref="EvidenceTally.NamesOtherAccounts"/>).</param>
    /// <param name="readsEvidence">
    /// Whether the controls' evidence is reported (a full report: first events and samples of each control), or only
    /// counted (a single section, a CSV export): a store then reads no evidence row one by one.
    /// </param>
    public EvidenceReportBuilder(IEvidenceCatalog catalog, ReportOptions options, string? catalogSource, bool namesOtherAccounts, bool readsEvidence = true)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.catalogSource = catalogSource;
        options.Validate();
        GeneratedAt = TruncateToSeconds(options.Clock.GetUtcNow());
        Vocabulary = new EventVocabulary(catalog);
        Window = new ReportWindow(options.From, options.To, options.TimeZone);
        Tally = new EvidenceTally(Vocabulary, Window, options.Account, readsEvidence ? options.SampleSize : 0, drawsSamples: readsEvidence)
        {
            NamesOtherAccounts = namesOtherAccounts,
            Clock = options.Clock,
        };
    }

    public IEvidenceCatalog Catalog { get; }

    public EventVocabulary Vocabulary { get; }

    public ReportWindow Window { get; }

    public EvidenceTally Tally { get; }

    /// <summary>The report's time (whole seconds, UTC); events after it plus the tolerance are in the future.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>The events of the report's account in its window (and the audit-log days before it).</summary>
    public EvidenceScope Scope => new(options.Account, Window.DayStartUtc(0), Window.EndUtc);

    /// <summary>A reader that validates against the catalog and refuses events from the future.</summary>
    public EventStreamReader CreateReader(IEventQuarantine? quarantine) => new(Vocabulary, GeneratedAt + options.FutureTolerance, quarantine);

    /// <summary>
    /// The report, with the tally filled by <paramref name="fill"/> while the sections that do not read events are built
    /// alongside. Filling the evidence is not optional: when it fails, so does the report (there are no controls without it).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<EvidenceReport> BuildAsync(EvidenceFill fill, SectionSettings settings, CancellationToken cancellationToken)
    {
        var context = Context();
        var evidence = Task.Run(() => fill.Fill(cancellationToken), cancellationToken);
        var sections = SectionDefinitions.All.Select(d => RunSection(d, settings, context, evidence, cancellationToken)).ToArray();
        var inputs = await evidence.ConfigureAwait(false);
        var built = await Task.WhenAll(sections).ConfigureAwait(false);
        var findings = Judge(context.Policies);
        return new EvidenceReport(
            Meta(context.Policies, Summary(fill, inputs)),
            findings.Validation,
            findings.Criteria,
            findings.Controls,
            findings.Requests,
            Tally.DrawSamples() ?? throw new InvalidOperationException("a full report's tally draws samples"),
            new ReportSections(SectionDefinitions.All.Zip(built)));
    }

    /// <summary>The criteria view on its own, with the report's meta: the events are read, the sections are not built.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<CriteriaReport> BuildCriteriaAsync(EvidenceFill fill, CancellationToken cancellationToken)
    {
        var context = Context();
        var inputs = await Task.Run(() => fill.Fill(cancellationToken), cancellationToken).ConfigureAwait(false);
        return new CriteriaReport(Meta(context.Policies, Summary(fill, inputs)), Judge(context.Policies).Criteria);
    }

    /// <summary>
    /// One section on its own, with the report's meta: the events are read only when the section is counted from them,
    /// and only then does the meta carry the ingestion summary.
    /// </summary>
    public async Task<SectionReport> BuildSectionAsync(SectionDefinition definition, EvidenceFill fill, SectionSettings settings, CancellationToken cancellationToken)
    {
        var context = Context();
        bool readsEvents = settings.SourceOf(definition).ReadsEvents;
        var evidence = readsEvents ? Task.Run(() => fill.Fill(cancellationToken), cancellationToken) : Task.FromResult<IReadOnlyList<InputRead>>([]);
        var section = await RunSection(definition, settings, context, evidence, cancellationToken).ConfigureAwait(false);
        var inputs = await evidence.ConfigureAwait(false);
        return new SectionReport(Meta(context.Policies, readsEvents ? Summary(fill, inputs) : null), new ReportSections([(definition, section)]));
    }

    /// <summary>
    /// What the filled tally says of the controls and criteria: each control's evidence and operating test, the criteria
    /// of the frameworks the account is assessed against, the evidence requests of the manual controls, and Type II.
    /// </summary>
    private Findings Judge(AccountPolicies policies)
    {
        var scope = new CriteriaScope(Catalog.Model, policies.ActiveFrameworks?.Value);
        var periods = new PeriodCache(Window);
        var controls = ControlEvidenceBuilder.Build(Tally, options.GapDays, scope, periods);
        var requests = EvidenceRequestBuilder.Build(Window, Vocabulary.Controls, periods);
        var criteria = CriteriaViewBuilder.Build(scope, Vocabulary.Controls, controls, requests);
        return new Findings(ControlEvidenceBuilder.Validate(Tally, options.GapDays, controls), criteria, controls, requests);
    }

    /// <summary>What happened to the events read (the inputs' counts and the tally's classification).</summary>
    public IngestionSummary Summary(EvidenceFill fill, IReadOnlyList<InputRead> inputs) =>
        IngestionSummary.Of(fill.SourceKind, inputs, Tally.Classified, fill.Quarantine);

    /// <summary>
    /// What the sections read: the account's policies are resolved once, here, so a configuration that cannot be used
    /// degrades the policy sections with its reason and leaves the catalog's alone to stand in.
    /// </summary>
    private SectionContext Context()
    {
        AccountPolicies policies;
        string? problem = null;
        try
        {
            var configuration = options.AccountConfiguration;
            policies = AccountPolicies.Resolve(Catalog.Model, options.Account, configuration?.Load(options.Account), configuration?.Name);
        }
        catch (AccountConfigurationException exception)
        {
            problem = exception.Message;
            policies = AccountPolicies.Resolve(Catalog.Model, options.Account, null);
        }

        return new SectionContext(Catalog, options, Tally, GeneratedAt, policies, problem);
    }

    private ReportMeta Meta(AccountPolicies policies, IngestionSummary? ingestion)
    {
        return new ReportMeta(
            RuntimeInfo.ReportVersion,
            options.Account,
            policies.OrganizationName?.Value,
            EventJson.FormatTime(GeneratedAt),
            new ReportWindowInfo(Window.From.ToString(), Window.To.ToString(), options.TimeZone.Id, Window.Days, EventJson.FormatTime(Window.StartUtc), EventJson.FormatTime(Window.EndUtc)),
            Catalog.Fingerprint,
            catalogSource,
            ingestion,
            ingestion is null ? null : Provenance(ingestion));
    }

    /// <summary>The input files, the log sources that mapped them, and the store's queries; null when there is none of these.</summary>
    private ReportProvenance? Provenance(IngestionSummary ingestion)
    {
        var logSources = ingestion.Inputs
            .Select(i => i.LogSource)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => Catalog.Model.Sources.FirstOrDefault(s => s.Id == id))
            .OfType<LogSource>()
            .Select(s => new LogSourceProvenance(s.Id, CatalogFingerprint.OfLogSource(s)))
            .ToArray();
        var files = ingestion.Inputs
            .Where(i => i.Sha256 is not null && i.Bytes is not null)
            .Select(i => new FileProvenance(i.Name, i.Bytes!.Value, i.Sha256!, i.LogSource))
            .ToArray();
        var store = Tally.StoreProvenance;
        return logSources.Length == 0 && store is null && files.Length == 0
            ? null
            : new ReportProvenance(logSources.Length == 0 ? null : logSources, store) { Files = files.Length == 0 ? null : files };
    }

    /// <summary>
    /// Runs one source under its timeout (from when it may start: at once, or once the evidence is in); on failure or
    /// timeout, the section's fallback marked degraded with the reason. Stamps the section's time.
    /// </summary>
    private async Task<ReportSection> RunSection(SectionDefinition definition, SectionSettings settings, SectionContext context, Task evidence, CancellationToken cancellationToken)
    {
        var source = settings.SourceOf(definition);
        ReportSection section;
        using var late = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (source.ReadsEvents)
            {
                await evidence.ConfigureAwait(false);
            }

            // Not cancelled before it starts: a source that never ran would never see its token cancelled.
            var work = Task.Run(() => source.BuildAsync(context, late.Token), CancellationToken.None);
            section = settings.Timeout == Timeout.InfiniteTimeSpan
                ? await work.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await work.WaitAsync(settings.Timeout, settings.TimeoutClock, cancellationToken).ConfigureAwait(false);
            if (section is null || section.GetType() != definition.SectionType)
            {
                throw new InvalidOperationException($"its source returned {section?.GetType().Name ?? "nothing"} instead of {definition.SectionType.Name}");
            }
        }
        catch (TimeoutException)
        {
            await late.CancelAsync().ConfigureAwait(false);
            section = definition.Fallback(context).AsDegraded($"the section's source did not answer within {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The reason is signed into the report: an exception's message may name a file by its absolute path.
            section = definition.Fallback(context).AsDegraded("the section could not be built: " + PathRedaction.Redact(exception.Message));
        }

        return section with { GeneratedAt = EventJson.FormatTime(TruncateToSeconds(options.Clock.GetUtcNow())) };
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

/// <summary>The report's judgement of its controls and criteria, from the filled tally.</summary>
internal sealed record Findings(
    ReportValidation Validation,
    IReadOnlyDictionary<string, CriterionStatus> Criteria,
    IReadOnlyDictionary<string, ControlEvidence> Controls,
    IReadOnlyList<EvidenceRequest> Requests);

/// <summary>How a report's tally is filled: from which kind of source, by what, and where rejections went.</summary>
internal sealed record EvidenceFill(string SourceKind, Func<CancellationToken, Task<IReadOnlyList<InputRead>>> Fill, IEventQuarantine? Quarantine);
