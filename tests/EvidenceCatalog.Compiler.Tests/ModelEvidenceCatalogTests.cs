using System.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The control mappings over a run-time model: an event is evidence for each control whose rule matches it, once.</summary>
public sealed class ModelEvidenceCatalogTests
{
    private static readonly CatalogModel Model =
        CatalogCompiler.Compile(RepositoryFiles.SampleCatalogs(), RepositoryFiles.Schemas.Value, new CompilerOptions()).Model;

    private static readonly ModelEvidenceCatalog Catalog = new(Model);

    [Fact]
    public void Every_rule_maps_its_event_type_and_outcomes_to_its_control()
    {
        foreach (var control in Model.Controls)
        {
            foreach (var rule in control.Evidence)
            {
                var outcomes = rule.Outcomes.Count > 0 ? rule.Outcomes.ToArray() : Model.EventTypes.Single(e => e.Id == rule.EventType).Outcomes.ToArray();
                foreach (var outcome in outcomes)
                {
                    Assert.Contains(control, Catalog.ControlsFor(rule.EventType, outcome));
                }
            }
        }
    }

    [Fact]
    public void Controls_come_once_each_in_declaration_order()
    {
        foreach (var type in Model.EventTypes)
        {
            foreach (var outcome in type.Outcomes)
            {
                var controls = Catalog.ControlsFor(type.Id, outcome);
                var expected = Model.Controls.Where(c => c.Evidence.Any(r => r.EventType == type.Id && (r.Outcomes.Count == 0 || r.Outcomes.Contains(outcome)))).ToList();
                Assert.Equal(expected, controls);
            }
        }
    }

    [Fact]
    public void Unknown_event_types_and_outcomes_map_to_nothing()
    {
        Assert.Empty(Catalog.ControlsFor("no.such_type", "allow"));
        var typed = Model.Controls.SelectMany(c => c.Evidence).First(r => r.Outcomes.Count > 0);
        Assert.DoesNotContain(Catalog.ControlsFor(typed.EventType, "no-such-outcome"), c => c.Evidence.Any(r => r == typed));
    }

    [Fact]
    public void Fingerprint_is_the_models()
    {
        Assert.Equal(Model.Fingerprint, Catalog.Fingerprint);
        Assert.Same(Model, Catalog.Model);
    }
}
