using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Exports;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Workpaper;

namespace EvidenceCatalog.Runtime.Jobs;

/// <summary>
/// The auditor's package for a window, the one entry point of the CLI and the server: a <see cref="ReportJob"/>'s signed
/// report and evidence population (with its detached signature), the samples CSV, the HTML workpaper, the OSCAL
/// documents (catalog, component definition, assessment results), a manifest of every file, and a DSSE envelope over an
/// in-toto statement of their digests, signed with the job's keys. The source is read twice — once for the report, once
/// for the population — so it must give the same events each time (files, a store; not standard input); a source that
/// changed in between is refused rather than packaged with a report that does not match its population.
/// </summary>
public sealed class PackageJob
{
    private readonly ReportJob report;

    /// <param name="report">The report job, with at least one signing key: a package is always signed.</param>
    /// <exception cref="ArgumentException">The report job has no signing key.</exception>
    public PackageJob(ReportJob report)
    {
        this.report = report ?? throw new ArgumentNullException(nameof(report));
        if (report.SigningKeys.Count == 0)
        {
            throw new ArgumentException("a package is signed: give the report job at least one signing key", nameof(report));
        }
    }

    /// <summary>Builds the package into <paramref name="target"/>.</summary>
    /// <exception cref="NoEventsForAccountException">As <see cref="ReportJob.RequireAccountEvents"/> says.</exception>
    /// <exception cref="PackageSourceChangedException">The events read for the population differ from those read for the report.</exception>
    public async Task<PackageResult> RunAsync(IEvidenceSource source, PackageTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var keys = report.SigningKeys;
        var built = await report.RunAsync(source, cancellationToken).ConfigureAwait(false);

        // A CSV file has one detached signature: the one anyone can check (ES256) when there is one. The bundle covers both ways.
        var populationKey = keys.FirstOrDefault(k => k.Algorithm == SignatureAlgorithms.Es256) ?? keys[0];
        PopulationResult? population = null;
        var files = new List<PackageFile>
        {
            PackageFile.FromBytes(PackagePath.Report, "application/json", built.Json),
            new(PackagePath.Population, "text/csv", async (stream, token) =>
            {
                // Rejected records were quarantined by the report's read; this second read only counts them again.
                population = await report.ExportPopulationAsync(source, stream, PackagePath.Population, populationKey, quarantine: null, control: null, token).ConfigureAwait(false);
                CheckSameEvents(built.Report, population);
            }),
            new(PackagePath.Population + DetachedSignature.Extension, "application/json", (stream, token) =>
                stream.WriteAsync(population!.Signature!.ToJson(), token).AsTask()),
            PackageFile.FromBytes(PackagePath.Samples, "text/csv", SamplesCsv(built.Report)),
            PackageFile.FromBytes(PackagePath.Workpaper, "text/html", WorkpaperRenderer.Render(built.Json, keys)),
        };

        // Further files of the package are added above, one PackageFile each: the writer lists every file in the
        // manifest and the signed statement.
        files.AddRange(OscalExport.ForReport(report.Catalog, built.Report)
            .Select(document => PackageFile.FromBytes(PackagePath.OscalFolder + "/" + document.FileName, "application/json", document.Content)));

        var contents = await EvidencePackageWriter.WriteAsync(files, () => Predicate(built.Report, population!), keys, target, cancellationToken).ConfigureAwait(false);
        return new PackageResult(built, population!, contents);
    }

    /// <summary>The report's samples as CSV (the bundle signs it with every other file).</summary>
    private static byte[] SamplesCsv(EvidenceReport report)
    {
        using var stream = new System.IO.MemoryStream();
        SampleCsvWriter.Write(report.Samples, report.Meta.OrgId, stream);
        return stream.ToArray();
    }

    private static PackagePredicate Predicate(EvidenceReport report, PopulationResult population)
    {
        var meta = report.Meta;
        return new PackagePredicate(
            meta.OrgId,
            meta.OrgName,
            meta.Window.From,
            meta.Window.To,
            meta.Window.Tz,
            meta.Window.Days,
            meta.CatalogFingerprint,
            meta.ReportVersion,
            meta.GeneratedAt,
            report.Validation.TypeII,
            report.Validation.Warnings,
            meta.Ingestion?.InWindow ?? 0,
            population.Rows,
            PackagePath.Report);
    }

    private static void CheckSameEvents(EvidenceReport report, PopulationResult population)
    {
        var first = report.Meta.Ingestion!.Inputs;
        var second = population.Ingestion.Inputs;
        for (int index = 0; index < Math.Min(first.Count, second.Count); index++)
        {
            if (first[index].Sha256 is { } before && second[index].Sha256 is { } after && !string.Equals(before, after, StringComparison.Ordinal))
            {
                throw new PackageSourceChangedException("the input " + first[index].Name + " changed while the package was built (its SHA-256 was "
                    + before + " for the report and " + after + " for the population)");
            }
        }

        long evidence = report.Controls.Values.Sum(c => c.EvidenceCount);
        if (evidence != population.Rows)
        {
            throw new PackageSourceChangedException("the events changed while the package was built: the report counts "
                + evidence.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " evidence events, the population read after it "
                + population.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " rows");
        }
    }
}

/// <summary>A package run: the report, the population, and what the package holds.</summary>
public sealed record PackageResult(ReportResult Report, PopulationResult Population, PackageContents Contents)
{
    /// <summary>True when the window held no event of the account: the package is built, and says so in its predicate.</summary>
    public bool EmptyWindow => Contents.Predicate.EventsInWindow == 0;
}

/// <summary>The source gave different events for the population than for the report; build the package again.</summary>
public sealed class PackageSourceChangedException(string message) : Exception(message);
