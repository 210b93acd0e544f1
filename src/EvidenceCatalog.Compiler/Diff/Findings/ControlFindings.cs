using System;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD003, ECD004 and ECD005: controls that lose evidence rules or change cadence.</summary>
internal static class ControlFindings
{
    public static void Run(FindingCollector findings)
    {
        var headControls = findings.Head.Model.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var was in findings.Base.Model.Controls)
        {
            if (!headControls.TryGetValue(was.Id, out var now))
            {
                continue;
            }

            foreach (var rule in was.Evidence)
            {
                var kept = now.Evidence.Where(r => string.Equals(r.EventType, rule.EventType, StringComparison.Ordinal)).ToList();
                string? lost = kept.Count == 0
                    ? $"control '{was.Id}' no longer takes '{rule.EventType}' events as evidence"
                    : Narrowed(rule, kept.Select(r => r.Outcomes).ToList()) is { } outcomes
                        ? $"control '{was.Id}' no longer takes '{rule.EventType}' events with outcome {outcomes} as evidence"
                        : null;
                if (lost is not null)
                {
                    findings.Report(DiffFindingClass.ControlLostEvidence, was.Id, lost, findings.Head.Locations.Find(EntryCollection.Controls, was.Id, "/evidence"));
                }
            }

            if (was.Cadence != now.Cadence)
            {
                // The enum runs from the most frequent cadence (continuous) to the least (annually).
                bool relaxed = now.Cadence > was.Cadence;
                findings.Report(
                    relaxed ? DiffFindingClass.ControlCadenceRelaxed : DiffFindingClass.ControlCadenceTightened,
                    was.Id,
                    $"control '{was.Id}' must now operate {KebabCase.FromEnum(now.Cadence)} instead of {KebabCase.FromEnum(was.Cadence)}",
                    findings.Head.Locations.Find(EntryCollection.Controls, was.Id, "/cadence"));
            }
        }
    }

    /// <summary>The outcomes BASE's rule accepted that none of HEAD's rules for the type accepts, as text; null when none is lost. An empty list accepts every outcome.</summary>
    private static string? Narrowed(EvidenceRule was, System.Collections.Generic.List<EquatableArray<string>> now)
    {
        if (now.Any(o => o.Count == 0))
        {
            return null;
        }

        var accepted = now.SelectMany(o => o).ToList();
        if (was.Outcomes.Count == 0)
        {
            return "other than " + FindingCollector.List(accepted.Distinct(StringComparer.Ordinal));
        }

        var lost = was.Outcomes.Where(o => !accepted.Contains(o, StringComparer.Ordinal)).ToList();
        return lost.Count == 0 ? null : FindingCollector.List(lost);
    }
}
