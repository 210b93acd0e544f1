using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>
/// A control's operating test over the window, from the tally's counts per cell and day (never from events one by one,
/// so a file and a store give the same verdict): each period its cadence requires must hold at least one evidence event,
/// and what its rules' minimums and failure limits ask. An on-occurrence control has no required period; its events, when
/// there are any, are held to its rules' limits over the whole window.
/// </summary>
internal static class OperatingTest
{
    /// <param name="tally">The counted events.</param>
    /// <param name="control">The control's index in the vocabulary.</param>
    /// <param name="daily">The control's evidence on each window day.</param>
    /// <param name="periods">The periods of the control's cadence over the window (<see cref="CadencePeriods.Of"/>).</param>
    public static ControlOperation Judge(EvidenceTally tally, int control, long[] daily, IReadOnlyList<CadencePeriod> periods)
    {
        var definition = tally.Vocabulary.Controls[control];
        string kind = CadencePeriods.KindOf(definition.Cadence);
        int required = periods.Count(p => p.Required);
        if (definition.Evidence.Count == 0)
        {
            return new ControlOperation(kind, required, 0, 0, [], definition.Manual is null ? Verdicts.Unproven : Verdicts.Manual);
        }

        var limits = definition.Evidence.Where(r => r.Minimum is not null || r.Failures is not null).Select(r => new RuleCounts(tally, r)).ToList();
        long total = daily.Sum();
        int withEvidence = 0;
        int operated = 0;
        var exceptions = new List<PeriodException>();
        foreach (var period in periods)
        {
            long evidence = Sum(daily, period);
            bool judged = period.Required || (definition.Cadence == Cadence.OnOccurrence && evidence > 0);
            if (!judged)
            {
                continue;
            }

            if (period.Required && evidence > 0)
            {
                withEvidence++;
            }

            List<string> reasons = evidence == 0 ? ["no evidence"] : limits.Select(l => l.Problem(period)).OfType<string>().ToList();
            if (reasons.Count == 0)
            {
                operated += period.Required ? 1 : 0;
            }
            else
            {
                var window = tally.Window;
                exceptions.Add(new PeriodException(
                    period.Label,
                    window.DateOf(window.WindowOffset + period.FirstDay).ToString(),
                    window.DateOf(window.WindowOffset + period.LastDay).ToString(),
                    string.Join("; ", reasons)));
            }
        }

        string verdict = exceptions.Count > 0 ? Verdicts.Exceptions : total == 0 ? Verdicts.NotOccurring : Verdicts.Operating;
        return new ControlOperation(kind, required, withEvidence, operated, exceptions, verdict);
    }

    private static long Sum(long[] daily, CadencePeriod period)
    {
        long sum = 0;
        for (int d = period.FirstDay; d <= period.LastDay; d++)
        {
            sum += daily[d];
        }

        return sum;
    }

    /// <summary>A rule's events per window day, and those its minimum and its failure limit count, to judge a period by.</summary>
    private sealed class RuleCounts
    {
        private readonly EvidenceRule rule;
        private readonly long[] events;
        private readonly long[]? atLeast;
        private readonly long[]? failures;

        public RuleCounts(EvidenceTally tally, EvidenceRule rule)
        {
            this.rule = rule;
            var vocabulary = tally.Vocabulary;
            int[] cells = vocabulary.CellsOf(rule.EventType, rule.Outcomes);
            events = Daily(tally, cells);
            if (rule.Minimum is { } minimum)
            {
                atLeast = minimum.Outcome is null ? events : Daily(tally, cells.Where(c => vocabulary.OutcomeOf(c) == minimum.Outcome));
            }

            if (rule.Failures is { } limit)
            {
                failures = Daily(tally, cells.Where(c => vocabulary.OutcomeOf(c) is { } o && limit.Outcomes.Contains(o)));
            }
        }

        /// <summary>Why the period falls short of the rule's minimum or failure limit, or null.</summary>
        public string? Problem(CadencePeriod period)
        {
            var problems = new List<string>();
            if (rule.Minimum is { } minimum && Sum(atLeast!, period) is var found && found < minimum.AtLeast)
            {
                string outcome = minimum.Outcome is null ? string.Empty : "'" + minimum.Outcome + "' ";
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{found} {outcome}event{(found == 1 ? "" : "s")}, at least {minimum.AtLeast} required"));
            }

            if (rule.Failures is { } limit && Sum(events, period) is var all && all > 0 && Sum(failures!, period) is var failed && failed * 100 > (long)limit.MaxPercent * all)
            {
                string outcomes = string.Join(" or ", limit.Outcomes.Select(o => "'" + o + "'"));
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{failed} of {all} events {outcomes} ({failed * 100 / all}%), at most {limit.MaxPercent}% allowed"));
            }

            return problems.Count == 0 ? null : rule.EventType + ": " + string.Join(", ", problems);
        }

        private static long[] Daily(EvidenceTally tally, IEnumerable<int> cells)
        {
            var window = tally.Window;
            var daily = new long[window.Days];
            foreach (int cell in cells)
            {
                for (int d = 0; d < window.Days; d++)
                {
                    daily[d] += tally.Count(cell, window.WindowOffset + d);
                }
            }

            return daily;
        }
    }
}
