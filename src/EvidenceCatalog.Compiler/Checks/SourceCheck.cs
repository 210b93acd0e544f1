using System;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Checks;

/// <summary>
/// What a source says beyond its shape: an id hosts can choose it by (not a reserved name), no rule hidden behind an
/// earlier one (the first matching rule wins), and no number that two declared epoch units would read differently.
/// </summary>
internal static class SourceCheck
{
    public static void Run(CheckContext context)
    {
        foreach (var (file, f) in context.Fragments)
        {
            for (int i = 0; i < f.Sources.Count; i++)
            {
                var source = f.Sources[i];
                CheckReservedId(context, file, source, CheckContext.Pointer("sources", i, "id"));
                CheckEpochUnits(context, file, source, CheckContext.Pointer("sources", i, "time", "formats"));
                CheckReachability(context, file, source, CheckContext.Pointer("sources", i, "rules"));
            }
        }
    }

    private static void CheckReservedId(CheckContext context, LoadedCatalogFile file, LogSource source, string pointer)
    {
        if (LogSourceIds.Reserved(source.Id) is { } meaning)
        {
            context.Report(DiagnosticDescriptors.ReservedSourceId, file, pointer, source.Id, meaning);
        }
    }

    private static void CheckEpochUnits(CheckContext context, LoadedCatalogFile file, LogSource source, string pointer)
    {
        const TimeFormats BothUnits = TimeFormats.EpochSeconds | TimeFormats.EpochMilliseconds;
        if ((source.Time.Formats & BothUnits) == BothUnits)
        {
            context.Report(
                DiagnosticDescriptors.ConstraintViolated, file, pointer, "'formats' of source '" + source.Id + "'",
                "lists both epoch-seconds and epoch-milliseconds, but a number has one unit; keep the one the source writes");
        }
    }

    /// <summary>
    /// A rule is unreachable when an earlier rule's conditions all follow from its own (with the source's
    /// <c>recognize</c> conditions, which every record reaching the rules meets): whatever it matches, the earlier one
    /// matched first.
    /// </summary>
    private static void CheckReachability(CheckContext context, LoadedCatalogFile file, LogSource source, string pointer)
    {
        for (int later = 1; later < source.Rules.Count; later++)
        {
            var known = source.Rules[later].When.Concat(source.Recognize).ToList();
            for (int earlier = 0; earlier < later; earlier++)
            {
                if (source.Rules[earlier].When.All(required => known.Any(held => Implies(held, required))))
                {
                    context.Report(
                        DiagnosticDescriptors.UnreachableRule, file, pointer + "/" + later.ToString(CultureInfo.InvariantCulture),
                        Describe(source.Rules[later], later), source.Id, Describe(source.Rules[earlier], earlier),
                        CheckContext.Location(file, pointer + "/" + earlier.ToString(CultureInfo.InvariantCulture)));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Whether every record meeting <paramref name="held"/> meets <paramref name="required"/>. Only scalars are compared by
    /// their text, so any text test implies that the field exists. Sound, not complete: a false "no" only misses a report.
    /// </summary>
    private static bool Implies(FieldCondition held, FieldCondition required)
    {
        if (!string.Equals(held.Field, required.Field, StringComparison.Ordinal))
        {
            return false;
        }

        bool exact = held.Kind is ConditionKind.Equals or ConditionKind.OneOf;
        return required.Kind switch
        {
            ConditionKind.Exists => held.Kind != ConditionKind.Missing,
            ConditionKind.Missing => held.Kind == ConditionKind.Missing,
            ConditionKind.Equals or ConditionKind.OneOf => exact && held.Values.All(v => required.Values.Contains(v)),
            ConditionKind.Prefix => (exact || held.Kind == ConditionKind.Prefix) && held.Values.All(v => v.StartsWith(required.Values[0], StringComparison.Ordinal)),
            _ => false,
        };
    }

    /// <summary>"rule 2 ('refused API calls')", counted from 1 as a reader counts.</summary>
    private static string Describe(SourceRule rule, int index)
    {
        string number = "rule " + (index + 1).ToString(CultureInfo.InvariantCulture);
        return rule.Name is { } name ? number + " ('" + name + "')" : number;
    }
}
