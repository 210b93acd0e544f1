using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Checks;

/// <summary>Every reference from one catalog into another resolves to something declared.</summary>
internal static class ReferenceCheck
{
    public static void Run(CheckContext context)
    {
        // Straight from the fragments: building a CatalogModel here would compute its fingerprint for nothing.
        var all = context.Fragments.Select(f => f.Fragment).ToList();
        var criteria = Names(all.SelectMany(f => f.Frameworks).SelectMany(f => f.Criteria).Select(c => c.Id));
        var frameworks = Names(all.SelectMany(f => f.Frameworks).Select(f => f.Id));
        var eventTypes = all.SelectMany(f => f.EventTypes).GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var roles = Names(all.SelectMany(f => f.Roles).Select(r => r.Id));
        var severities = Names(all.SelectMany(f => f.Severities).Select(s => s.Id));
        var responders = Names(all.SelectMany(f => f.Responders).Select(r => r.Id));
        var permissions = Names(all.SelectMany(f => f.PermissionCategories).SelectMany(c => c.Permissions).Select(p => p.Id));
        var dataCategories = Names(all.Select(f => f.Policies).Where(p => p is not null).SelectMany(p => p!.DataCategories).Select(d => d.Id));

        var criterionCheck = new Target(context, "framework", criteria, DiagnosticDescriptors.UnknownCriterion, "no framework catalog is loaded");
        var roleCheck = new Target(context, "access", roles, DiagnosticDescriptors.UnknownRole, "no access catalog is loaded");
        var severityCheck = new Target(context, "runbooks", severities, DiagnosticDescriptors.UnknownSeverity, "no severities are declared");
        var permissionCheck = new Target(context, "access", permissions, DiagnosticDescriptors.UnknownPermission, "no permission categories are declared");
        var dataCategoryCheck = new Target(context, "policies", dataCategories, DiagnosticDescriptors.UnknownDataCategory, "no policies catalog is loaded");
        var frameworkCheck = new Target(context, "framework", frameworks, DiagnosticDescriptors.UnknownFramework, "no framework catalog is loaded");
        var eventTypeCheck = new Target(context, "events", Names(eventTypes.Keys), DiagnosticDescriptors.UnknownEventType, "no events catalog is loaded");

        foreach (var (file, f) in context.Fragments)
        {
            for (int i = 0; i < f.Controls.Count; i++)
            {
                var control = f.Controls[i];
                criterionCheck.Each(file, control.Criteria, j => CheckContext.Pointer("controls", i, "criteria", j));
                for (int k = 0; k < control.Evidence.Count; k++)
                {
                    var rule = control.Evidence[k];
                    string pointer = CheckContext.Pointer("controls", i, "evidence", k);
                    if (CheckEvent(eventTypeCheck, eventTypes, file, rule.EventType, rule.Outcomes, pointer))
                    {
                        CheckLimits(context, eventTypes[rule.EventType], file, rule, pointer);
                    }
                }
            }

            for (int i = 0; i < f.Metrics.Count; i++)
            {
                CheckEvent(eventTypeCheck, eventTypes, file, f.Metrics[i].EventType, f.Metrics[i].Outcomes, CheckContext.Pointer("metrics", i));
            }

            for (int i = 0; i < f.Encryption.Count; i++)
            {
                criterionCheck.Each(file, f.Encryption[i].Criteria, j => CheckContext.Pointer("encryption", i, "criteria", j));
            }

            for (int i = 0; i < f.Vendors.Count; i++)
            {
                dataCategoryCheck.Each(file, f.Vendors[i].DataAccess, j => CheckContext.Pointer("vendors", i, "dataAccess", j));
            }

            for (int i = 0; i < f.Procedures.Count; i++)
            {
                var procedure = f.Procedures[i];
                if (procedure.Severity is { } severity)
                {
                    severityCheck.One(file, severity, CheckContext.Pointer("procedures", i, "severity"));
                }

                severityCheck.Each(file, procedure.Severities, j => CheckContext.Pointer("procedures", i, "severities", j));
                for (int s = 0; s < procedure.Steps.Count; s++)
                {
                    string pointer = CheckContext.Pointer("procedures", i, "steps", s, "role");
                    if (responders.Count == 0)
                    {
                        roleCheck.One(file, procedure.Steps[s].Role, pointer);
                    }
                    else
                    {
                        CheckStepOwner(context, responders, roles, file, procedure.Steps[s].Role, pointer);
                    }
                }
            }

            for (int i = 0; i < f.Roles.Count; i++)
            {
                permissionCheck.Each(file, f.Roles[i].Permissions, j => CheckContext.Pointer("roles", i, "permissions", j));
            }

            for (int i = 0; i < f.RoleMappings.Count; i++)
            {
                roleCheck.One(file, f.RoleMappings[i].Role, CheckContext.Pointer("roleMappings", i, "role"));
            }

            for (int i = 0; i < f.Sources.Count; i++)
            {
                for (int r = 0; r < f.Sources[i].Rules.Count; r++)
                {
                    CheckRule(eventTypeCheck, eventTypes, file, f.Sources[i].Rules[r], CheckContext.Pointer("sources", i, "rules", r));
                }
            }

            if (f.Policies is { } policies)
            {
                frameworkCheck.Each(file, policies.ActiveFrameworks, j => CheckContext.Pointer("activeFrameworks", j));
            }
        }
    }

    /// <summary>Checks the type and outcomes of a rule or metric; true when its type is declared (so its outcomes could be judged).</summary>
    private static bool CheckEvent(Target eventTypeCheck, Dictionary<string, EventType> eventTypes, LoadedCatalogFile file, string type, EquatableArray<string> outcomes, string pointer)
    {
        if (!eventTypeCheck.One(file, type, pointer + "/eventType") || !eventTypes.TryGetValue(type, out var declared))
        {
            return false;
        }

        for (int j = 0; j < outcomes.Count; j++)
        {
            CheckOutcome(eventTypeCheck.Context, declared, file, outcomes[j], pointer + "/outcomes/" + j);
        }

        return true;
    }

    /// <summary>
    /// The outcomes a rule's minimum and failure limit name: each declared for the type, and each one the rule counts —
    /// a minimum of an outcome the rule leaves out could never be met, a failure it leaves out never counted.
    /// </summary>
    private static void CheckLimits(CheckContext context, EventType declared, LoadedCatalogFile file, EvidenceRule rule, string pointer)
    {
        if (rule.Minimum?.Outcome is { } outcome)
        {
            CheckLimitOutcome(context, declared, file, rule, "minimum", outcome, pointer + "/minimum/outcome");
        }

        for (int j = 0; rule.Failures is { } failures && j < failures.Outcomes.Count; j++)
        {
            CheckLimitOutcome(context, declared, file, rule, "failure limit", failures.Outcomes[j], pointer + "/failures/outcomes/" + j);
        }
    }

    private static void CheckLimitOutcome(CheckContext context, EventType declared, LoadedCatalogFile file, EvidenceRule rule, string what, string outcome, string pointer)
    {
        if (!declared.Outcomes.Contains(outcome))
        {
            CheckOutcome(context, declared, file, outcome, pointer);
        }
        else if (rule.Outcomes.Count > 0 && !rule.Outcomes.Contains(outcome))
        {
            context.Report(DiagnosticDescriptors.OutcomeNotCounted, file, pointer, what, outcome, declared.Id, string.Join(", ", rule.Outcomes), NameSuggestion.For(outcome, rule.Outcomes));
        }
    }

    /// <summary>A source rule's type, and every outcome it can give: the constant, each target of the map, the default.</summary>
    private static void CheckRule(Target eventTypeCheck, Dictionary<string, EventType> eventTypes, LoadedCatalogFile file, SourceRule rule, string pointer)
    {
        if (!eventTypeCheck.One(file, rule.Type, pointer + "/type") || !eventTypes.TryGetValue(rule.Type, out var declared))
        {
            return;
        }

        var outcome = rule.Outcome;
        if (outcome.Value is { } constant)
        {
            CheckOutcome(eventTypeCheck.Context, declared, file, constant, pointer + "/outcome");
        }

        foreach (var entry in outcome.Map)
        {
            CheckOutcome(eventTypeCheck.Context, declared, file, entry.To, pointer + "/outcome/map/" + EscapePointer(entry.From));
        }

        if (outcome.Default is { } fallback)
        {
            CheckOutcome(eventTypeCheck.Context, declared, file, fallback, pointer + "/outcome/default");
        }
    }

    private static void CheckOutcome(CheckContext context, EventType declared, LoadedCatalogFile file, string outcome, string pointer)
    {
        if (!declared.Outcomes.Contains(outcome))
        {
            context.Report(DiagnosticDescriptors.UnknownOutcome, file, pointer, declared.Id, outcome, string.Join(", ", declared.Outcomes), NameSuggestion.For(outcome, declared.Outcomes));
        }
    }

    /// <summary>A map key as a JSON pointer token (RFC 6901), as the source map records it.</summary>
    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>With responders declared, a step's owner is a responder or an access role (EC3014); both kinds must be fully read to judge.</summary>
    private static void CheckStepOwner(CheckContext context, HashSet<string> responders, HashSet<string> roles, LoadedCatalogFile file, string owner, string pointer)
    {
        if (!context.IsComplete("runbooks") || !context.IsComplete("access") || responders.Contains(owner) || roles.Contains(owner))
        {
            return;
        }

        context.Report(DiagnosticDescriptors.UnknownStepOwner, file, pointer, owner, NameSuggestion.For(owner, responders.Concat(roles)));
    }

    private static HashSet<string> Names(IEnumerable<string> names) => new(names, StringComparer.Ordinal);

    /// <summary>One kind of thing references resolve to, and how to report a reference that does not.</summary>
    private sealed class Target
    {
        private readonly string kind;
        private readonly HashSet<string> names;
        private readonly CatalogDiagnosticDescriptor descriptor;
        private readonly string whenEmpty;

        public Target(CheckContext context, string kind, HashSet<string> names, CatalogDiagnosticDescriptor descriptor, string whenEmpty)
        {
            Context = context;
            this.kind = kind;
            this.names = names;
            this.descriptor = descriptor;
            this.whenEmpty = whenEmpty;
        }

        public CheckContext Context { get; }

        /// <summary>Reports <paramref name="name"/> if it is not declared; true when it resolves (or cannot be judged).</summary>
        public bool One(LoadedCatalogFile file, string name, string pointer)
        {
            if (!Context.IsComplete(kind) || names.Contains(name))
            {
                return true;
            }

            string hint = names.Count == 0 ? " (" + whenEmpty + ")" : NameSuggestion.For(name, names);
            Context.Report(descriptor, file, pointer, name, hint);
            return false;
        }

        public void Each(LoadedCatalogFile file, EquatableArray<string> values, Func<int, string> pointer)
        {
            for (int j = 0; j < values.Count; j++)
            {
                One(file, values[j], pointer(j));
            }
        }
    }
}
