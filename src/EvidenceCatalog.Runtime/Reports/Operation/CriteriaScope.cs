using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>
/// Which criteria a report judges: those of the active frameworks (every framework of the catalogs when none is
/// declared), each in scope when its category is (Security always, the others as the policies catalog's
/// <c>categoriesInScope</c> declares). A control is in scope when it claims a criterion in scope: only such controls
/// decide Type II.
/// </summary>
internal sealed class CriteriaScope
{
    private readonly CompliancePolicies? policies;
    private readonly Dictionary<string, (Framework Framework, Criterion Criterion)> active = new(StringComparer.Ordinal);

    /// <param name="model">The catalogs.</param>
    /// <param name="activeFrameworks">The frameworks the account is assessed against, or null for every framework of the catalogs.</param>
    public CriteriaScope(CatalogModel model, IReadOnlyCollection<string>? activeFrameworks)
    {
        policies = model.Policies;
        Frameworks = model.Frameworks.Where(f => activeFrameworks is null || activeFrameworks.Contains(f.Id, StringComparer.Ordinal)).ToArray();
        foreach (var framework in Frameworks)
        {
            foreach (var criterion in framework.Criteria)
            {
                active[criterion.Id] = (framework, criterion);
            }
        }
    }

    /// <summary>The active frameworks, in catalog order.</summary>
    public IReadOnlyList<Framework> Frameworks { get; }

    /// <summary>True when the criterion is in scope (see the class).</summary>
    public bool InScope(Criterion criterion) => policies?.IsInScope(criterion.Category) ?? criterion.Category == CriterionCategory.Security;

    /// <summary>True when the control claims a criterion of an active framework that is in scope.</summary>
    public bool InScope(Control control) => control.Criteria.Any(id => active.TryGetValue(id, out var found) && InScope(found.Criterion));
}
