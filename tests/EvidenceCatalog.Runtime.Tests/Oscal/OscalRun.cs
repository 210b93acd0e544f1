using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using TestEvents = EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Oscal;

/// <summary>The OSCAL documents of the sample catalogs and of reports over them, parsed for assertions.</summary>
internal static class OscalRun
{
    public static readonly CalendarDate From = new(2026, 1, 1);

    public static readonly CalendarDate To = new(2026, 3, 31);

    /// <summary>90 days with evidence for every control, except the days <paramref name="skipDay"/> names.</summary>
    public static EvidenceReport Report(Func<int, bool>? skipDay = null) =>
        TestEvents.Report(TestEvents.Options(From, To), TestEvents.EvidenceForEveryControl(From, 90, skipDay));

    public static IReadOnlyList<OscalDocument> ForReport(EvidenceReport report) => OscalExport.ForReport(TestEvents.Catalog, report);

    public static JsonNode Parse(IReadOnlyList<OscalDocument> documents, string fileName) =>
        JsonNode.Parse(documents.Single(d => d.FileName == fileName).Content)!;

    public static IEnumerable<string?> Strings(JsonNode? array, string member) =>
        array!.AsArray().Select(n => n![member]!.GetValue<string>());

    /// <summary>The value of EvidenceCatalog's property <paramref name="name"/> (with <paramref name="class"/> when given).</summary>
    public static string? Prop(JsonNode node, string name, string? @class = null) =>
        node["props"]?.AsArray()
            .Where(p => p!["name"]!.GetValue<string>() == name && p["class"]?.GetValue<string>() == @class)
            .Select(p => p!["value"]!.GetValue<string>())
            .FirstOrDefault();

    public static IEnumerable<string> Props(JsonNode node, string name) =>
        node["props"]?.AsArray().Where(p => p!["name"]!.GetValue<string>() == name).Select(p => p!["value"]!.GetValue<string>()) ?? [];
}
