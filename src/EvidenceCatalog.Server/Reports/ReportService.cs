using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Accounts;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Caching;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Reports;

/// <summary>
/// Signed reports for checked requests: from the cache when a fresh entry is there, otherwise built — the event
/// evidence aggregated in the store while the other sections are built alongside, each under its timeout — signed, and
/// cached unless a section is degraded. The population CSV is built, signed and cached the same way, whole, since its
/// signature is sent before it. Concurrent requests for the same key share one build.
/// </summary>
internal sealed class ReportService(ServerOptions options, ReportCache cache, ILogger<ReportService> log)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SignedReport>>> building = new(StringComparer.Ordinal);
    private readonly SectionSettings sections = options.SectionSources.Aggregate(
        SectionSettings.Default.With(new AccessDirectorySource(options.AccessDirectory)) with { Timeout = options.SectionTimeout },
        (settings, source) => settings.With(source));

    /// <summary>The signed report, and whether it came from the cache.</summary>
    /// <exception cref="EvidenceUnavailableException">The event store failed or did not answer in time.</exception>
    public async Task<(SignedReport Report, bool Hit)> GetAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        string key = request.CacheKey;
        if (await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            log.LogDebug("Report cache hit {CacheKey}", key);
            return (cached, true);
        }

        var build = building.GetOrAdd(key, _ => new Lazy<Task<SignedReport>>(() => BuildAsync(request)));
        try
        {
            return (await build.Value.WaitAsync(cancellationToken).ConfigureAwait(false), false);
        }
        finally
        {
            building.TryRemove(new KeyValuePair<string, Lazy<Task<SignedReport>>>(key, build));
        }
    }

    private async Task<SignedReport> BuildAsync(ReportRequest request)
    {
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        var job = Job(request, csv: request.Csv);
        var source = new StoreSource(options.Store, options.StoreName);
        using var evidenceTime = new CancellationTokenSource(options.EvidenceTimeout);
        byte[] signedBytes;
        string[] degraded;
        try
        {
            if (request.Criteria)
            {
                signedBytes = (await job.RunCriteriaAsync(source, evidenceTime.Token).ConfigureAwait(false)).Json;
                degraded = [];
            }
            else if (request.Csv)
            {
                using var body = new MemoryStream();
                var result = await job.ExportPopulationAsync(source, body, PopulationCsv.FileName(request), cancellationToken: evidenceTime.Token).ConfigureAwait(false);
                signedBytes = PopulationCsv.Pack(result.Signature!, body.GetBuffer().AsSpan(0, (int)body.Length));
                degraded = [];
            }
            else if (request.Section is null)
            {
                var result = await job.RunAsync(source, evidenceTime.Token).ConfigureAwait(false);
                signedBytes = result.Json;
                degraded = result.DegradedSections.Select(s => s.Name).ToArray();
            }
            else
            {
                var result = await job.RunSectionAsync(request.Section, source, evidenceTime.Token).ConfigureAwait(false);
                signedBytes = result.Json;
                degraded = result.Degraded ? [request.Section.Name] : [];
            }
        }
        catch (OperationCanceledException) when (evidenceTime.IsCancellationRequested)
        {
            throw new EvidenceUnavailableException($"the event store did not aggregate the events within {options.EvidenceTimeout.TotalSeconds:0.###} s");
        }
        catch (EventStoreException exception)
        {
            throw new EvidenceUnavailableException(Problems.StoreFailure(exception), exception);
        }

        var signed = new SignedReport(options.Clock.GetUtcNow(), signedBytes, degraded.Length > 0);
        await cache.SetAsync(request.CacheKey, signed).ConfigureAwait(false);
        log.LogInformation(
            "Built report {Account} {Section} {From}..{To} {TimeZone} in {ElapsedMs} ms; degraded sections: {Degraded}",
            request.Account, request.Part, request.From.ToString(), request.To.ToString(), request.TimeZone.Id,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, degraded.Length == 0 ? "none" : string.Join(", ", degraded));
        return signed;
    }

    private SigningKey CsvKey => options.SigningKeys.FirstOrDefault(k => k.Algorithm == SignatureAlgorithms.Es256) ?? options.SigningKeys[0];

    /// <summary>
    /// The auditor's package of the request's window as a zip written to <paramref name="output"/>: never cached (it holds
    /// the whole population), built under the same evidence timeout as a report.
    /// </summary>
    /// <exception cref="EvidenceUnavailableException">The event store failed or did not answer in time, or its events changed while the package was built.</exception>
    public async Task<PackageResult> BuildPackageAsync(ReportRequest request, Stream output, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var source = new StoreSource(options.Store, options.StoreName);
        using var evidenceTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        evidenceTime.CancelAfter(options.EvidenceTimeout);
        PackageResult result;
        try
        {
            using var target = PackageTarget.Zip(output, options.Clock.GetUtcNow());
            result = await new PackageJob(Job(request)).RunAsync(source, target, evidenceTime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (evidenceTime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new EvidenceUnavailableException($"the event store did not give the package's events within {options.EvidenceTimeout.TotalSeconds:0.###} s");
        }
        catch (EventStoreException exception)
        {
            throw new EvidenceUnavailableException(Problems.StoreFailure(exception), exception);
        }
        catch (PackageSourceChangedException exception)
        {
            throw new EvidenceUnavailableException("events arrived for the window while its package was built", exception);
        }

        log.LogInformation(
            "Built package {Account} {From}..{To} {TimeZone} in {ElapsedMs} ms: {Rows} population rows",
            request.Account, request.From.ToString(), request.To.ToString(), request.TimeZone.Id,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, result.Population.Rows);
        return result;
    }

    /// <param name="request">The account, window and time zone.</param>
    /// <param name="csv">A CSV file has one detached signature: the ES256 key when there is one, which an auditor checks with no secret.</param>
    private ReportJob Job(ReportRequest request, bool csv = false) => new(options.Catalog, new ReportOptions
    {
        Account = request.Account,
        From = request.From,
        To = request.To,
        TimeZone = request.TimeZone,
        AccountConfiguration = ConfigurationOf(request.Account),
        Clock = options.Clock,
    })
    {
        SigningKeys = csv ? [CsvKey] : options.SigningKeys,
        Sections = sections,
        CatalogSource = options.CatalogSource,
    };

    /// <summary>The account's own configuration file, when the server has a folder of them and the account has one there.</summary>
    private AccountConfigurationSource? ConfigurationOf(string account) =>
        options.AccountsDirectory is { } directory && AccountDirectory.FileOf(directory, account) is { } file && File.Exists(file)
            ? AccountConfigurationSource.FromFile(file, account + ".json")
            : null;
}

/// <summary>
/// The event store cannot give a report's evidence now (down, uninitialised, or too slow): 503. The message is for the
/// caller; the inner exception's, which may name the store's file or host, is for the log.
/// </summary>
internal sealed class EvidenceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
