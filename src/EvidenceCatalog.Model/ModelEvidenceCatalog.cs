using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EvidenceCatalog.Model;

/// <summary>The catalog interface over a model built at run time: the mappings are indexed once, looked up without allocating.</summary>
public sealed class ModelEvidenceCatalog : IEvidenceCatalog
{
    private readonly Dictionary<(string EventType, string? Outcome), ImmutableArray<Control>> byOutcome;
    private readonly Dictionary<string, ImmutableArray<Control>> anyOutcome;

    public ModelEvidenceCatalog(CatalogModel model)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        var rules = model.Controls.SelectMany(c => c.Evidence.Select(r => (Control: c, Rule: r))).ToList();
        anyOutcome = rules.Where(x => x.Rule.Outcomes.Count == 0)
            .GroupBy(x => x.Rule.EventType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Ordered(model, g.Select(x => x.Control)), StringComparer.Ordinal);
        byOutcome = rules.Where(x => x.Rule.Outcomes.Count > 0)
            .SelectMany(x => x.Rule.Outcomes.Select(o => (Key: (x.Rule.EventType, (string?)o), x.Control)))
            .GroupBy(x => x.Key)
            .ToDictionary(
                g => g.Key,
                g => Ordered(model, g.Select(x => x.Control).Concat(anyOutcome.TryGetValue(g.Key.EventType, out var all) ? all : ImmutableArray<Control>.Empty)));
    }

    public CatalogModel Model { get; }

    public string Fingerprint => Model.Fingerprint;

    public ImmutableArray<Control> ControlsFor(string eventType, string? outcome)
    {
        if (outcome is not null && byOutcome.TryGetValue((eventType, outcome), out var controls))
        {
            return controls;
        }

        return anyOutcome.TryGetValue(eventType, out var any) ? any : ImmutableArray<Control>.Empty;
    }

    /// <summary>Distinct controls in declaration order.</summary>
    private static ImmutableArray<Control> Ordered(CatalogModel model, IEnumerable<Control> controls)
    {
        var set = new HashSet<string>(controls.Select(c => c.Id), StringComparer.Ordinal);
        return model.Controls.Where(c => set.Contains(c.Id)).ToImmutableArray();
    }
}
