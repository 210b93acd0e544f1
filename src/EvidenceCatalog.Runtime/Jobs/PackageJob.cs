using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Exports;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Workpaper;

namespace EvidenceCatalog.Runtime.Jobs;

/// <summary>
/// The auditor's package for a window, the one entry point of the CLI and the server: a <see cref="ReportJob"/>'s signed
/// report, the evidence population as one CSV per control with evidence rules, the samples CSV, the HTML workpaper, the
/// OSCAL documents (catalog, component definition, assessment results), a manifest of every file, and a DSSE envelope
/// over an in-toto statement of their digests, signed with the job's keys. The source is read twice — once for the
/// report, once for every control's population together — so it must give the same events each time (files, a store;
/// not standard input); a source that changed in between is refused rather than packaged with a report that does not
/// match its population.
/// </summary>
public sealed class PackageJob
{
    private readonly ReportJob report;
    private readonly Control[] populated;

    /// <param name="report">The report job, with at least one signing key: a package is always signed.</param>
    /// <exception cref="ArgumentException">The report job has no signing key, or a control's id cannot name its population file (<see cref="PackagePath.PopulationOf"/>).</exception>
    public PackageJob(ReportJob report)
    {
        this.report = report ?? throw new ArgumentNullException(nameof(report));
        if (report.SigningKeys.Count == 0)
        {
            throw new ArgumentException("a package is signed: give the report job at least one signing key", nameof(report));
        }

        // Manual controls have no population to export: their evidence is the documents the report requests.
        populated = report.Catalog.Model.Controls.Where(c => c.Evidence.Count > 0).OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        foreach (var control in populated)
        {
            PackagePath.PopulationOf(control.Id);
        }
    }

    /// <summary>Builds the package into <paramref name="target"/>.</summary>
    /// <exception cref="NoEventsForAccountException">As <see cref="ReportJob.RequireAccountEvents"/> says.</exception>
    /// <exception cref="PackageSourceChangedException">The events read for the population differ from those read for the report; nothing is written.</exception>
    public async Task<PackageResult> RunAsync(IEvidenceSource source, PackageTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var keys = report.SigningKeys;
        var built = await report.RunAsync(source, cancellationToken).ConfigureAwait(false);

        // One read writes every control's CSV side by side, while a package takes its files one at a time: each is
        // spooled to a temporary file until the package copies it in.
        var spools = new Dictionary<string, SpooledFile>(StringComparer.Ordinal);
        try
        {
            foreach (var control in populated)
            {
                spools.Add(control.Id, new SpooledFile());
            }

            // Rejected records were quarantined by the report's read; this second read only counts them again.
            var (ingestion, rows) = await report.ExportControlPopulationsAsync(source, c => spools.GetValueOrDefault(c.Id)?.Output, cancellationToken).ConfigureAwait(false);
            var population = new PackagePopulation(ingestion, populated.Select(c => new ControlPopulation(c.Id, PackagePath.PopulationOf(c.Id), rows[c.Id])).ToArray());
            CheckSameEvents(built.Report, population);

            var files = new List<PackageFile> { PackageFile.FromBytes(PackagePath.Report, "application/json", built.Json) };
            files.AddRange(population.Controls.Select(c => new PackageFile(c.File, "text/csv", spools[c.ControlId].CopyToAsync)));
            files.Add(PackageFile.FromBytes(PackagePath.Samples, "text/csv", SamplesCsv(built.Report)));
            files.Add(PackageFile.FromBytes(PackagePath.Workpaper, "text/html", WorkpaperRenderer.Render(built.Json, keys)));

            // Further files of the package are added above, one PackageFile each: the writer lists every file in the
            // manifest and the signed statement.
            files.AddRange(OscalExport.ForReport(report.Catalog, built.Report)
                .Select(document => PackageFile.FromBytes(PackagePath.OscalFolder + "/" + document.FileName, "application/json", document.Content)));

            var contents = await EvidencePackageWriter.WriteAsync(files, () => Predicate(built.Report, population), keys, target, cancellationToken).ConfigureAwait(false);
            return new PackageResult(built, population, contents);
        }
        finally
        {
            foreach (var spool in spools.Values)
            {
                spool.Dispose();
            }
        }
    }

    /// <summary>The report's samples as CSV (the bundle signs it with every other file).</summary>
    private static byte[] SamplesCsv(EvidenceReport report)
    {
        using var stream = new System.IO.MemoryStream();
        SampleCsvWriter.Write(report.Samples, report.Meta.OrgId, stream);
        return stream.ToArray();
    }

    private static PackagePredicate Predicate(EvidenceReport report, PackagePopulation population)
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

    private static void CheckSameEvents(EvidenceReport report, PackagePopulation population)
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

        // Control by control, so the rows of every file add up to the report's evidence counts, and each file to its control's.
        var rows = population.Controls.ToDictionary(c => c.ControlId, c => c.Rows, StringComparer.Ordinal);
        foreach (var (id, control) in report.Controls.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            long written = rows.GetValueOrDefault(id);
            if (control.EvidenceCount != written)
            {
                throw new PackageSourceChangedException("the events changed while the package was built: the report counts "
                    + N(control.EvidenceCount) + " evidence events of " + id + ", the population read after it " + N(written) + " rows");
            }
        }
    }

    private static string N(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A package run: the report, the population, and what the package holds.</summary>
public sealed record PackageResult(ReportResult Report, PackagePopulation Population, PackageContents Contents)
{
    /// <summary>True when the window held no event of the account: the package is built, and says so in its predicate.</summary>
    public bool EmptyWindow => Contents.Predicate.EventsInWindow == 0;
}

/// <summary>A package's evidence population: what its read of the source found, and each control's CSV.</summary>
/// <param name="Ingestion">What the population's read of the source found.</param>
/// <param name="Controls">Each control with evidence rules, by id: its file and rows.</param>
public sealed record PackagePopulation(IngestionSummary Ingestion, IReadOnlyList<ControlPopulation> Controls)
{
    /// <summary>Rows of every file (control × evidence event): the sum of the report's evidence counts.</summary>
    public long Rows => Controls.Sum(c => c.Rows);
}

/// <summary>One control's population CSV in a package.</summary>
/// <param name="ControlId">The control.</param>
/// <param name="File">The file's path in the package (<see cref="PackagePath.PopulationOf"/>).</param>
/// <param name="Rows">Its rows, not counting the header (0: the control's population is empty in the window).</param>
public sealed record ControlPopulation(string ControlId, string File, long Rows);

/// <summary>The source gave different events for the population than for the report; build the package again.</summary>
public sealed class PackageSourceChangedException(string message) : Exception(message);
