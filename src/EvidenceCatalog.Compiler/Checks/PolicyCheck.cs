using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Checks;

/// <summary>Rules about what the catalogs say, beyond their shape: review deadlines, controls proven by nothing, dead event types, sources that feed nothing.</summary>
internal static class PolicyCheck
{
    public static void Run(CheckContext context)
    {
        var usedEventTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, f) in context.Fragments)
        {
            usedEventTypes.UnionWith(f.Controls.SelectMany(c => c.Evidence).Select(r => r.EventType));
            usedEventTypes.UnionWith(f.Metrics.Select(m => m.EventType));
        }

        var declaredEventTypes = new HashSet<string>(context.Fragments.SelectMany(x => x.Fragment.EventTypes).Select(e => e.Id), StringComparer.Ordinal);
        bool usageKnown = context.IsComplete("controls") && context.IsComplete("events");
        foreach (var (file, f) in context.Fragments)
        {
            for (int i = 0; i < f.Vendors.Count; i++)
            {
                var vendor = f.Vendors[i];
                if (vendor.NextReview <= vendor.LastReview)
                {
                    context.Report(DiagnosticDescriptors.ReviewDatesReversed, file, CheckContext.Pointer("vendors", i, "nextReview"), vendor.Id, vendor.NextReview, vendor.LastReview);
                }
                else if (context.Options.AsOf is { } asOf && vendor.NextReview < asOf)
                {
                    context.Report(DiagnosticDescriptors.ReviewOverdue, file, CheckContext.Pointer("vendors", i, "nextReview"), vendor.Id, vendor.NextReview, asOf);
                }
            }

            for (int i = 0; i < f.Controls.Count; i++)
            {
                if (f.Controls[i].Evidence.Count == 0 && f.Controls[i].Manual is null)
                {
                    context.Report(DiagnosticDescriptors.ControlWithoutEvidence, file, CheckContext.Pointer("controls", i, "id"), f.Controls[i].Id);
                }
            }

            for (int i = 0; usageKnown && i < f.Sources.Count; i++)
            {
                // A source with an undeclared type already has its error (EC3003); only a source that is otherwise right is judged.
                var types = f.Sources[i].Rules.Select(r => r.Type).Distinct(StringComparer.Ordinal).ToList();
                if (types.All(declaredEventTypes.Contains) && !types.Any(usedEventTypes.Contains))
                {
                    context.Report(DiagnosticDescriptors.SourceWithoutEvidence, file, CheckContext.Pointer("sources", i, "id"), f.Sources[i].Id, string.Join(", ", types));
                }
            }

            for (int i = 0; usageKnown && i < f.EventTypes.Count; i++)
            {
                if (!usedEventTypes.Contains(f.EventTypes[i].Id))
                {
                    context.Report(DiagnosticDescriptors.EventTypeUnused, file, CheckContext.Pointer("eventTypes", i, "id"), f.EventTypes[i].Id);
                }
            }
        }
    }
}
