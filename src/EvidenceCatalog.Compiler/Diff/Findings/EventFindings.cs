using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD011: event types that BASE's controls or sources mapped and HEAD's map no more.</summary>
internal static class EventFindings
{
    public static void Run(FindingCollector findings)
    {
        var before = MappedBy(findings.Base.Model);
        var after = MappedBy(findings.Head.Model);
        var declared = new HashSet<string>(findings.Head.Model.EventTypes.Select(e => e.Id), StringComparer.Ordinal);
        foreach (var type in before.Keys.Where(t => !after.ContainsKey(t)).OrderBy(t => t, StringComparer.Ordinal))
        {
            string removed = declared.Contains(type) ? string.Empty : " and was removed from the taxonomy";
            findings.Report(
                DiffFindingClass.EventNoLongerMapped,
                type,
                $"event type '{type}' is no longer mapped by any control or source{removed} (BASE: {string.Join(", ", before[type])}); its events stop counting as evidence",
                findings.Head.Locations.Find(EntryCollection.EventTypes, type));
        }
    }

    /// <summary>Each event type a control takes as evidence or a source's rule produces, with who does.</summary>
    private static Dictionary<string, SortedSet<string>> MappedBy(CatalogModel model)
    {
        var map = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string type, string by)
        {
            if (!map.TryGetValue(type, out var set))
            {
                map[type] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(by);
        }

        foreach (var control in model.Controls)
        {
            foreach (var rule in control.Evidence)
            {
                Add(rule.EventType, "control " + control.Id);
            }
        }

        foreach (var source in model.Sources)
        {
            foreach (var rule in source.Rules)
            {
                Add(rule.Type, "source " + source.Id);
            }
        }

        return map;
    }
}
