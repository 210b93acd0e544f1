using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Benchmarks.Generation;

/// <summary>
/// The names generated entries may reference, taken from the compiled sample catalogs rather than written down here,
/// so that the generated set stays valid when the samples change.
/// </summary>
internal sealed class SampleVocabulary
{
    private readonly ImmutableHashSet<string> criteria;
    private readonly ImmutableDictionary<string, EquatableArray<string>> outcomesByEventType;

    public SampleVocabulary(CatalogModel model)
    {
        criteria = model.Criteria.Select(c => c.Id).ToImmutableHashSet(StringComparer.Ordinal);
        outcomesByEventType = model.EventTypes.ToImmutableDictionary(e => e.Id, e => e.Outcomes, StringComparer.Ordinal);
        DataCategories = model.Policies?.DataCategories.Select(d => d.Id).ToImmutableArray() ?? ImmutableArray<string>.Empty;
        ControlIds = model.Controls.Select(c => c.Id).ToImmutableHashSet(StringComparer.Ordinal);
        VendorIds = model.Vendors.Select(v => v.Id).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public ImmutableArray<string> DataCategories { get; }

    public ImmutableHashSet<string> ControlIds { get; }

    public ImmutableHashSet<string> VendorIds { get; }

    public bool HasCriterion(string id) => criteria.Contains(id);

    public bool HasEventType(string id) => outcomesByEventType.ContainsKey(id);

    /// <summary>The wanted outcomes that the event type declares, in the declared order.</summary>
    public ImmutableArray<string> DeclaredOutcomes(string eventType, IEnumerable<string> wanted)
    {
        var set = new HashSet<string>(wanted, StringComparer.Ordinal);
        return outcomesByEventType.TryGetValue(eventType, out var declared)
            ? declared.Where(set.Contains).ToImmutableArray()
            : ImmutableArray<string>.Empty;
    }
}
