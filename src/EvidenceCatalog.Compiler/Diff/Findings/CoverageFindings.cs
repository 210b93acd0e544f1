using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD001 and ECD002: criteria that lose their last control, or their last control with evidence rules.</summary>
internal static class CoverageFindings
{
    public static void Run(FindingCollector findings)
    {
        var before = ControlsByCriterion(findings.Base.Model);
        var after = ControlsByCriterion(findings.Head.Model);
        var headControls = findings.Head.Model.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);

        foreach (var criterion in before.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var was = before[criterion];
            var now = after.TryGetValue(criterion, out var list) ? list : [];
            if (now.Count == 0)
            {
                string how = string.Join("; ", was.Select(c => headControls.ContainsKey(c.Id) ? "'" + c.Id + "' no longer names it" : "'" + c.Id + "' was removed"));
                findings.Report(
                    DiffFindingClass.CriterionLostLastControl,
                    criterion,
                    $"criterion '{criterion}' lost its last control: {how}",
                    Location(findings, criterion, was));
            }
            else if (was.Any(c => c.Evidence.Count > 0) && now.All(c => c.Evidence.Count == 0))
            {
                findings.Report(
                    DiffFindingClass.CriterionLostLastEvidencedControl,
                    criterion,
                    $"criterion '{criterion}' lost its last control with evidence rules: {FindingCollector.List(now.Select(c => c.Id))} name it but take no event as evidence (BASE: {FindingCollector.List(was.Where(c => c.Evidence.Count > 0).Select(c => c.Id))})",
                    findings.Head.Locations.Find(EntryCollection.Controls, now[0].Id, "/evidence") ?? findings.Head.Locations.Find(EntryCollection.Criteria, criterion));
            }
        }
    }

    /// <summary>A control of BASE that HEAD still has (at its criteria), else the criterion itself.</summary>
    private static CatalogLocation? Location(FindingCollector findings, string criterion, List<Control> was) =>
        was.Select(c => findings.Head.Locations.Find(EntryCollection.Controls, c.Id, "/criteria")).FirstOrDefault(l => l is not null)
        ?? findings.Head.Locations.Find(EntryCollection.Criteria, criterion);

    private static Dictionary<string, List<Control>> ControlsByCriterion(CatalogModel model)
    {
        var map = new Dictionary<string, List<Control>>(StringComparer.Ordinal);
        foreach (var control in model.Controls)
        {
            foreach (string criterion in control.Criteria.Distinct(StringComparer.Ordinal))
            {
                if (!map.TryGetValue(criterion, out var list))
                {
                    map[criterion] = list = [];
                }

                list.Add(control);
            }
        }

        return map;
    }
}
