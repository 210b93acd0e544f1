using System;
using System.Linq;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using TestEvents = EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Oscal;

/// <summary>The catalog-only documents: the framework as an OSCAL Catalog and the controls as a Component Definition.</summary>
public sealed class CatalogDocumentsTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Catalog_only_export_is_one_catalog_per_framework_and_the_component_definition()
    {
        var documents = OscalExport.ForCatalog(TestEvents.Catalog, AsOf);
        Assert.Equal(["catalog-soc2.json", "component-definition.json"], documents.Select(d => d.FileName));
    }

    [Fact]
    public void Every_catalog_only_document_passes_its_official_OSCAL_schema()
    {
        foreach (var document in OscalExport.ForCatalog(TestEvents.Catalog, AsOf))
        {
            Assert.Equal([], OscalSchemas.Errors(OscalSchemas.ForFileName(document.FileName), document.Content));
        }
    }

    [Fact]
    public void Catalog_holds_every_criterion_with_the_framework_catalogs_own_title_grouped_by_category()
    {
        var catalog = OscalRun.Parse(OscalExport.ForCatalog(TestEvents.Catalog, AsOf), "catalog-soc2.json")["catalog"]!;
        var framework = TestEvents.Catalog.Model.Frameworks.Single(f => f.Id == "soc2");
        var controls = catalog["groups"]!.AsArray().SelectMany(g => g!["controls"]!.AsArray()).ToArray();

        Assert.Equal(framework.Criteria.Select(c => c.Id), controls.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(framework.Criteria.Select(c => c.Title), controls.Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal(["security", "availability", "confidentiality", "processing-integrity", "privacy"], OscalRun.Strings(catalog["groups"], "id"));
        Assert.Equal(61, controls.Length);
    }

    [Fact]
    public void Every_implemented_requirement_names_a_control_of_the_catalog_it_points_at()
    {
        var documents = OscalExport.ForCatalog(TestEvents.Catalog, AsOf);
        var definition = OscalRun.Parse(documents, "component-definition.json")["component-definition"]!;
        var model = TestEvents.Catalog.Model;
        var components = definition["components"]!.AsArray();
        Assert.Equal(model.Controls.Count, components.Count);
        foreach (var component in components)
        {
            var control = model.Controls.Single(c => c.Id == OscalRun.Prop(component!, "control-id"));
            Assert.Equal(control.Description, component!["description"]!.GetValue<string>());
            var implementations = component["control-implementations"]!.AsArray();
            var claimed = implementations.SelectMany(i => i!["implemented-requirements"]!.AsArray()).ToArray();
            Assert.Equal(control.Criteria.Order(StringComparer.Ordinal), claimed.Select(r => r!["control-id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.All(claimed, r => Assert.Equal(control.Description, r!["description"]!.GetValue<string>()));
            foreach (var implementation in implementations)
            {
                var catalog = OscalRun.Parse(documents, implementation!["source"]!.GetValue<string>())["catalog"]!;
                var ids = catalog["groups"]!.AsArray().SelectMany(g => OscalRun.Strings(g!["controls"], "id")).ToHashSet();
                Assert.All(implementation["implemented-requirements"]!.AsArray(), r => Assert.Contains(r!["control-id"]!.GetValue<string>(), ids));
            }
        }
    }

    [Fact]
    public void Catalog_only_documents_carry_the_date_given_and_never_the_clock()
    {
        var documents = OscalExport.ForCatalog(TestEvents.Catalog, AsOf);
        foreach (var document in documents)
        {
            var root = OscalRun.Parse(documents, document.FileName).AsObject().Single().Value!;
            Assert.Equal("2026-11-23T00:00:00Z", root["metadata"]!["last-modified"]!.GetValue<string>());
        }

        var undated = OscalExport.ForCatalog(TestEvents.Catalog, OscalExport.Undated);
        Assert.Equal("1970-01-01T00:00:00Z", OscalRun.Parse(undated, "catalog-soc2.json")["catalog"]!["metadata"]!["last-modified"]!.GetValue<string>());
    }

    [Fact]
    public void A_date_OSCAL_cannot_hold_is_refused_with_the_reason()
    {
        var error = Assert.Throws<OscalExportException>(() => OscalExport.ForCatalog(TestEvents.Catalog, new DateTimeOffset(1850, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Contains("1900 to 2999", error.Message);
    }
}
