using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>An OSCAL document: the file name it is written under, and its bytes (UTF-8 JSON).</summary>
public sealed record OscalDocument(string FileName, byte[] Content);

/// <summary>
/// The OSCAL 1.2.1 export (docs/oscal.md): each framework of the catalogs as an OSCAL Catalog, the organisation's controls
/// as a Component Definition and, for a report, its window as Assessment Results. Every UUID is a version 5 UUID of the
/// catalog fingerprint and the ids (<see cref="OscalIdentifiers"/>) and every date comes from the input, never the clock:
/// the same input gives the same bytes.
/// </summary>
public static class OscalExport
{
    /// <summary>The OSCAL version the documents are written against (and validated against its official schemas).</summary>
    public const string OscalVersion = "1.2.1";

    public const string ComponentDefinitionFileName = "component-definition.json";

    public const string AssessmentResultsFileName = "assessment-results.json";

    /// <summary>
    /// The <c>last-modified</c> of catalog-only documents when the caller gives no date: the Unix epoch, the
    /// reproducible-builds convention for "no date of its own" (a catalog carries none, and the clock would make every
    /// run's bytes differ).
    /// </summary>
    public static readonly DateTimeOffset Undated = DateTimeOffset.UnixEpoch;

    /// <summary>The OSCAL Catalog file of a framework: <c>catalog-soc2.json</c>.</summary>
    public static string CatalogFileName(string frameworkId) => "catalog-" + frameworkId + ".json";

    /// <summary>The catalog-only documents: a Catalog per framework, then the Component Definition, dated <paramref name="lastModified"/>.</summary>
    /// <exception cref="OscalExportException">The date lies outside the years OSCAL allows (1900–2999).</exception>
    public static IReadOnlyList<OscalDocument> ForCatalog(IEvidenceCatalog catalog, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return CatalogDocuments(catalog, OscalJson.DateTime(lastModified)).ToArray();
    }

    /// <summary>
    /// The documents of a report: the catalog-only documents and the Assessment Results of its window, all dated the
    /// end of the window (the instant the assessment period ends).
    /// </summary>
    /// <exception cref="OscalExportException">The report was built from other catalogs, or its window lies outside the years OSCAL allows.</exception>
    public static IReadOnlyList<OscalDocument> ForReport(IEvidenceCatalog catalog, EvidenceReport report)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(report);
        if (!string.Equals(report.Meta.CatalogFingerprint, catalog.Fingerprint, StringComparison.Ordinal))
        {
            throw new OscalExportException($"the report was built from the catalogs with fingerprint {report.Meta.CatalogFingerprint}, not these ({catalog.Fingerprint}); export it with the catalogs it was built from");
        }

        var end = DateTimeOffset.Parse(report.Meta.Window.EndUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var ids = new OscalIdentifiers(catalog.Fingerprint);
        var assessment = ReportAssessment.Of(catalog.Model, report);
        var results = AssessmentResultsDocument.Build(report, assessment, ids);
        return [.. CatalogDocuments(catalog, OscalJson.DateTime(end)), new OscalDocument(AssessmentResultsFileName, OscalJson.Serialize(results))];
    }

    private static IEnumerable<OscalDocument> CatalogDocuments(IEvidenceCatalog catalog, string lastModified)
    {
        var model = catalog.Model;
        string fingerprint = catalog.Fingerprint;
        var ids = new OscalIdentifiers(fingerprint);
        foreach (var framework in model.Frameworks)
        {
            yield return new OscalDocument(CatalogFileName(framework.Id), OscalJson.Serialize(FrameworkCatalogDocument.Build(framework, fingerprint, ids, lastModified)));
        }

        yield return new OscalDocument(ComponentDefinitionFileName, OscalJson.Serialize(ComponentDefinitionDocument.Build(model, fingerprint, ids, lastModified)));
    }
}
