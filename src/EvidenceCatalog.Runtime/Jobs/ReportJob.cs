using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Exports;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Jobs;

/// <summary>
/// The report use case, the one entry point of the CLI, the server and services: events from a source are validated
/// and counted into a tally, the sections are built, and the report is serialized to its JSON form, canonicalized and
/// signed — or the evidence population is streamed as CSV with a detached signature. A job holds settings only; each
/// run is independent.
/// </summary>
public sealed class ReportJob
{
    private readonly IEvidenceCatalog catalog;
    private readonly ReportOptions options;

    /// <exception cref="ReportOptionsException">An option cannot work.</exception>
    public ReportJob(IEvidenceCatalog catalog, ReportOptions options)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
    }

    /// <summary>The keys the report is signed with (none: unsigned). A CSV population takes at most one.</summary>
    public IReadOnlyList<SigningKey> SigningKeys { get; init; } = [];

    /// <summary>Section sources and timeouts.</summary>
    public SectionSettings Sections { get; init; } = SectionSettings.Default;

    /// <summary>Where rejected records go (null: counted only).</summary>
    public IEventQuarantine? Quarantine { get; init; }

    /// <summary>The catalogs the report is built from.</summary>
    public IEvidenceCatalog Catalog => catalog;

    /// <summary>Where the catalogs came from, as the report's meta says it (a folder, the sample catalogs); null to leave it out.</summary>
    public string? CatalogSource { get; init; }

    /// <summary>
    /// When true, a run whose inputs hold no event of the report's account but do hold other accounts' events fails
    /// with <see cref="NoEventsForAccountException"/>, naming the largest of them, instead of producing an empty report
    /// (a mistyped account). For the owner of the inputs only: a store then names its other accounts, which a report
    /// from a store never counts. A server, whose callers are tenants, leaves it false.
    /// </summary>
    public bool RequireAccountEvents { get; init; }

    /// <summary>The full report: built, serialized, and signed with <see cref="SigningKeys"/>.</summary>
    /// <exception cref="NoEventsForAccountException">See <see cref="RequireAccountEvents"/>.</exception>
    public async Task<ReportResult> RunAsync(IEvidenceSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var builder = Builder(readsEvidence: true);
        var report = await builder.BuildAsync(Fill(builder, source), Sections, cancellationToken).ConfigureAwait(false);
        CheckAccount(builder);
        return new ReportResult(report, Sign(ReportJson.Serialize(report)));
    }

    /// <summary>One section on its own, signed like a report (the events are read only when it is counted from them).</summary>
    public async Task<SectionResult> RunSectionAsync(SectionDefinition section, IEvidenceSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(source);
        var builder = Builder(readsEvidence: false);
        var report = await builder.BuildSectionAsync(section, Fill(builder, source), Sections, cancellationToken).ConfigureAwait(false);
        if (report.Meta.Ingestion is not null)
        {
            CheckAccount(builder);
        }

        return new SectionResult(report, Sign(ReportJson.Serialize(report)));
    }

    /// <summary>The criteria view on its own, signed like a report (the events are read; no section is built).</summary>
    /// <exception cref="NoEventsForAccountException">See <see cref="RequireAccountEvents"/>.</exception>
    public async Task<CriteriaResult> RunCriteriaAsync(IEvidenceSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var builder = Builder(readsEvidence: false);
        var report = await builder.BuildCriteriaAsync(Fill(builder, source), cancellationToken).ConfigureAwait(false);
        CheckAccount(builder);
        return new CriteriaResult(report, Sign(ReportJson.Serialize(report)));
    }

    /// <summary>
    /// The evidence population as CSV (one row per control × evidence event of the window, or per evidence event of one
    /// control), written to <paramref name="output"/> as it is read, with a detached signature by the one signing key
    /// when there is one.
    /// </summary>
    /// <param name="source">Where the events come from.</param>
    /// <param name="output">Where the CSV goes (not disposed).</param>
    /// <param name="fileName">The file's name, as the detached signature records it.</param>
    /// <param name="control">The id of the one control whose population is exported, or null for every control.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <exception cref="ArgumentException">More than one signing key: a CSV file has one detached signature.</exception>
    /// <exception cref="ReportOptionsException">The catalogs have no control <paramref name="control"/>.</exception>
    public async Task<PopulationResult> ExportPopulationAsync(IEvidenceSource source, Stream output, string fileName, string? control = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        RequireOneKey(output);
        var builder = Builder(readsEvidence: false);
        int? only = control is null ? null : IndexOf(builder, control);
        using var signer = SigningKeys.Count == 1 ? new DetachedSigner(SigningKeys[0]) : null;
        var signed = signer is null ? output : new SigningStream(output, signer);
        var csv = new EvidenceCsvWriter(signed, builder.Vocabulary, builder.Window, options.Account, only);
        var ingestion = await ReadPopulationAsync(builder, source, csv, Quarantine, cancellationToken).ConfigureAwait(false);
        return new PopulationResult(ingestion, csv.Rows, signer?.Complete(fileName));
    }

    /// <summary>
    /// The population of each control into the output <paramref name="outputOf"/> gives it (null: not written), all from
    /// one read of the source; rejected records are counted, not quarantined (the report's read of the same source did).
    /// Returns what was read and the rows of each control written, by id.
    /// </summary>
    internal async Task<(IngestionSummary Ingestion, IReadOnlyDictionary<string, long> Rows)> ExportControlPopulationsAsync(
        IEvidenceSource source, Func<Control, Stream?> outputOf, CancellationToken cancellationToken)
    {
        var builder = Builder(readsEvidence: false);
        var controls = builder.Vocabulary.Controls;
        var outputs = Array.ConvertAll(controls, c => outputOf(c));
        var csv = new EvidenceCsvWriter(outputs, builder.Vocabulary, builder.Window, options.Account);
        var ingestion = await ReadPopulationAsync(builder, source, csv, quarantine: null, cancellationToken).ConfigureAwait(false);
        var rows = Enumerable.Range(0, controls.Length).Where(i => outputs[i] is not null).ToDictionary(i => controls[i].Id, csv.RowsOf, StringComparer.Ordinal);
        return (ingestion, rows);
    }

    private async Task<IngestionSummary> ReadPopulationAsync(EvidenceReportBuilder builder, IEvidenceSource source, EvidenceCsvWriter csv, IEventQuarantine? quarantine, CancellationToken cancellationToken)
    {
        var reader = builder.CreateReader(quarantine);
        var inputs = await source.ReadAsync(reader, new SingleSinkReceiver(csv), builder.Scope, cancellationToken).ConfigureAwait(false);
        csv.Flush();
        var ingestion = IngestionSummary.Of(source.Kind, inputs, csv.Classified, quarantine);
        if (RequireAccountEvents)
        {
            Check(csv.Classified);
        }

        return ingestion;
    }

    /// <summary>
    /// The report's samples as CSV (one row per sampled event, of every control or of one), with a detached signature by
    /// the one signing key when there is one. The whole report is built to draw them: the samples are those of the report.
    /// </summary>
    /// <param name="source">Where the events come from.</param>
    /// <param name="output">Where the CSV goes (not disposed).</param>
    /// <param name="fileName">The file's name, as the detached signature records it.</param>
    /// <param name="control">The id of the one control whose sample is exported, or null for every control.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <exception cref="ArgumentException">More than one signing key: a CSV file has one detached signature.</exception>
    /// <exception cref="ReportOptionsException">The catalogs have no control <paramref name="control"/>.</exception>
    public async Task<SamplesResult> ExportSamplesAsync(IEvidenceSource source, Stream output, string fileName, string? control = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        RequireOneKey(output);
        var builder = Builder(readsEvidence: true);
        if (control is not null)
        {
            IndexOf(builder, control);
        }

        var report = await builder.BuildAsync(Fill(builder, source), Sections, cancellationToken).ConfigureAwait(false);
        CheckAccount(builder);
        using var signer = SigningKeys.Count == 1 ? new DetachedSigner(SigningKeys[0]) : null;
        long rows = SampleCsvWriter.Write(report.Samples, options.Account, signer is null ? output : new SigningStream(output, signer), control);
        return new SamplesResult(report.Meta.Ingestion!, report.Samples, rows, signer?.Complete(fileName));
    }

    private void RequireOneKey(Stream output)
    {
        if (SigningKeys.Count > 1)
        {
            throw new ArgumentException("a CSV file has one detached signature: give one signing key", nameof(output));
        }
    }

    private static int IndexOf(EvidenceReportBuilder builder, string control)
    {
        int index = Array.FindIndex(builder.Vocabulary.Controls, c => string.Equals(c.Id, control, StringComparison.Ordinal));
        return index >= 0 ? index : throw new ReportOptionsException(ReportOption.Control, $"there is no control '{control}' in the catalogs");
    }

    private EvidenceReportBuilder Builder(bool readsEvidence) => new(catalog, options, CatalogSource, namesOtherAccounts: RequireAccountEvents, readsEvidence);

    private EvidenceFill Fill(EvidenceReportBuilder builder, IEvidenceSource source)
    {
        var reader = builder.CreateReader(Quarantine);
        return new EvidenceFill(source.Kind, cancellationToken => source.FillTallyAsync(reader, builder.Tally, cancellationToken), Quarantine);
    }

    private void CheckAccount(EvidenceReportBuilder builder)
    {
        if (RequireAccountEvents)
        {
            Check(builder.Tally.Classified);
        }
    }

    private void Check(Aggregation.WindowCounts classified)
    {
        // Named, not counted: a store names its other accounts for this check without counting them in the report.
        if (classified.InWindow + classified.OutsideWindow == 0 && classified.OtherAccountVolumes.Count > 0)
        {
            throw new NoEventsForAccountException(options.Account, classified.OtherAccountVolumes);
        }
    }

    private byte[] Sign(byte[] json) => SigningKeys.Count == 0 ? json : ReportSigner.Sign(json, SigningKeys);

    /// <summary>Writes through to the output and into the signer.</summary>
    private sealed class SigningStream(Stream output, DetachedSigner signer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            signer.Append(buffer);
            output.Write(buffer);
        }

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>A report run: the report, and its JSON as delivered (signed when the job has keys).</summary>
public sealed record ReportResult(EvidenceReport Report, byte[] Json)
{
    /// <summary>The sections whose source failed, in report order.</summary>
    public IReadOnlyList<SectionDefinition> DegradedSections => Report.Sections.Degraded().Select(s => s.Definition).ToArray();
}

/// <summary>A single-section run: the section's report, and its JSON as delivered.</summary>
public sealed record SectionResult(SectionReport Report, byte[] Json)
{
    public bool Degraded => Report.Sections.Degraded().Any();
}

/// <summary>A criteria view run: the view with its meta, and its JSON as delivered.</summary>
public sealed record CriteriaResult(CriteriaReport Report, byte[] Json);

/// <summary>A CSV population run: what was read, the rows written, and the detached signature (null when unsigned).</summary>
public sealed record PopulationResult(IngestionSummary Ingestion, long Rows, DetachedSignature? Signature);

/// <summary>A CSV samples run: what was read, the samples drawn, the rows written, and the detached signature (null when unsigned).</summary>
public sealed record SamplesResult(IngestionSummary Ingestion, ReportSamples Samples, long Rows, DetachedSignature? Signature);
