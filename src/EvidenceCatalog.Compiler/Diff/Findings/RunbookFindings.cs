using System;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD008: a severity's response time or a procedure step's SLA got longer.</summary>
internal static class RunbookFindings
{
    public static void Run(FindingCollector findings)
    {
        var headSeverities = findings.Head.Model.Severities.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var was in findings.Base.Model.Severities)
        {
            if (headSeverities.TryGetValue(was.Id, out var now) && now.ResponseMinutes > was.ResponseMinutes)
            {
                findings.Report(
                    DiffFindingClass.RunbookSlaLengthened,
                    was.Id,
                    $"severity '{was.Id}' must now be responded to within {now.ResponseMinutes} minutes instead of {was.ResponseMinutes}",
                    findings.Head.Locations.Find(EntryCollection.Severities, was.Id, "/responseMinutes"));
            }
        }

        var headProcedures = findings.Head.Model.Procedures.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var was in findings.Base.Model.Procedures)
        {
            if (!headProcedures.TryGetValue(was.Id, out var now))
            {
                continue;
            }

            for (int i = 0; i < now.Steps.Count; i++)
            {
                var step = now.Steps[i];
                if (Counterpart(was, now, i) is { } before && step.SlaMinutes > before.SlaMinutes)
                {
                    findings.Report(
                        DiffFindingClass.RunbookSlaLengthened,
                        was.Id,
                        $"procedure '{was.Id}' step {(i + 1).ToString(CultureInfo.InvariantCulture)} ('{step.Action}') must now be done within {step.SlaMinutes} minutes instead of {before.SlaMinutes}",
                        findings.Head.Locations.Find(EntryCollection.Procedures, was.Id, "/steps/" + i.ToString(CultureInfo.InvariantCulture) + "/slaMinutes"));
                }
            }
        }
    }

    /// <summary>
    /// The BASE step HEAD's step <paramref name="index"/> continues: the one with the same action, else the one at the same
    /// position when its action is no longer in HEAD (the step was reworded). Steps have no ids; this pairs what a reader would.
    /// </summary>
    private static ProcedureStep? Counterpart(Procedure was, Procedure now, int index)
    {
        var step = now.Steps[index];
        var same = was.Steps.Where(s => string.Equals(s.Action, step.Action, StringComparison.Ordinal)).ToList();
        if (same.Count > 0)
        {
            return same[0];
        }

        return index < was.Steps.Count && !now.Steps.Any(s => string.Equals(s.Action, was.Steps[index].Action, StringComparison.Ordinal))
            ? was.Steps[index]
            : null;
    }
}
