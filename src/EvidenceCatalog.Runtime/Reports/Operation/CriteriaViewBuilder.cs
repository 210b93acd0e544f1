using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>
/// The criteria view: every criterion of the active frameworks with the controls that claim it, added up. Its status is
/// <c>out-of-scope</c> when its category is not in scope; otherwise <c>no-control</c> when no control claims it;
/// otherwise decided by the claiming controls with evidence rules — <c>exceptions</c> when one has an exception, else
/// <c>operating</c> when one operated, else <c>not-occurring</c>; and when none has evidence rules, <c>manual</c> when one
/// has a manual declaration, else <c>unproven</c>.
/// </summary>
internal static class CriteriaViewBuilder
{
    /// <param name="scope">The active frameworks and what is in scope.</param>
    /// <param name="controls">Every control of the catalogs, in declaration order.</param>
    /// <param name="evidence">Each control's evidence in the report, by id.</param>
    /// <param name="requests">The evidence requests of the manual controls.</param>
    public static SortedDictionary<string, CriterionStatus> Build(
        CriteriaScope scope, IReadOnlyList<Control> controls, IReadOnlyDictionary<string, ControlEvidence> evidence, IReadOnlyList<EvidenceRequest> requests)
    {
        var claimants = new Dictionary<string, List<Control>>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            foreach (string id in control.Criteria)
            {
                if (!claimants.TryGetValue(id, out var list))
                {
                    claimants[id] = list = [];
                }

                list.Add(control);
            }
        }

        var requestCounts = requests.GroupBy(r => r.Control, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var view = new SortedDictionary<string, CriterionStatus>(StringComparer.Ordinal);
        foreach (var framework in scope.Frameworks)
        {
            foreach (var criterion in framework.Criteria)
            {
                var claiming = claimants.TryGetValue(criterion.Id, out var found) ? found : [];
                var tested = claiming.Where(c => c.Evidence.Count > 0).Select(c => evidence[c.Id]).ToList();
                view[criterion.Id] = new CriterionStatus(
                    framework.Id,
                    criterion.Title,
                    KebabCase.FromEnum(criterion.Category),
                    Status(scope.InScope(criterion), claiming, tested),
                    claiming.Select(c => c.Id).ToArray(),
                    tested.Sum(c => c.EvidenceCount),
                    tested.Sum(c => c.Operation.Operated),
                    tested.Sum(c => c.Operation.Required),
                    tested.Sum(c => c.Operation.Exceptions.Count),
                    claiming.Sum(c => requestCounts.GetValueOrDefault(c.Id)));
            }
        }

        return view;
    }

    private static string Status(bool inScope, List<Control> claiming, List<ControlEvidence> tested)
    {
        if (!inScope)
        {
            return CriterionStatuses.OutOfScope;
        }

        if (claiming.Count == 0)
        {
            return CriterionStatuses.NoControl;
        }

        if (tested.Count > 0)
        {
            return tested.Any(c => c.Operation.Verdict == Verdicts.Exceptions) ? CriterionStatuses.Exceptions
                : tested.Any(c => c.Operation.Verdict == Verdicts.Operating) ? CriterionStatuses.Operating
                : CriterionStatuses.NotOccurring;
        }

        return claiming.Any(c => c.Manual is not null) ? CriterionStatuses.Manual : CriterionStatuses.Unproven;
    }
}
