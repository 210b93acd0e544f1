using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports.Operation;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>Per-control evidence and operating tests, and the report-wide Type II validation, derived from a tally's cells × days.</summary>
internal static class ControlEvidenceBuilder
{
    private static readonly Dictionary<string, string> OutcomeWords = new(StringComparer.Ordinal)
    {
        ["allow"] = "allowed",
        ["deny"] = "denied",
        ["success"] = "successful",
        ["failure"] = "failed",
    };

    /// <summary>The outcome key of events without one; parentheses cannot occur in a declared outcome.</summary>
    public const string NoOutcome = "(none)";

    /// <summary>Warnings list at most this many exceptions of one control, then say how many more there are.</summary>
    public const int ExceptionsPerWarning = 10;

    /// <summary>Warnings name at most this many controls with exceptions, then say how many more there are.</summary>
    public const int ControlWarnings = 50;

    /// <summary>Each control's evidence, coverage and operating test over the window.</summary>
    public static SortedDictionary<string, ControlEvidence> Build(EvidenceTally tally, int gapDays, CriteriaScope scope, PeriodCache periods)
    {
        var vocabulary = tally.Vocabulary;
        var window = tally.Window;
        var controls = new SortedDictionary<string, ControlEvidence>(StringComparer.Ordinal);
        for (int c = 0; c < vocabulary.Controls.Length; c++)
        {
            var control = vocabulary.Controls[c];
            var cells = CellsOf(tally, c);
            var daily = new long[window.Days];
            var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (int cell in cells)
            {
                long cellTotal = 0;
                for (int d = 0; d < window.Days; d++)
                {
                    long n = tally.Count(cell, window.WindowOffset + d);
                    daily[d] += n;
                    cellTotal += n;
                }

                if (cellTotal > 0)
                {
                    string outcome = vocabulary.OutcomeOf(cell) ?? NoOutcome;
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + cellTotal;
                }
            }

            long total = daily.Sum();
            controls[control.Id] = new ControlEvidence(
                control.Name,
                control.Description,
                control.Owner,
                KebabCase.FromEnum(control.Cadence),
                control.Criteria.ToArray(),
                scope.InScope(control),
                total,
                Summary(control.Name, total, outcomes),
                outcomes,
                new ControlCoverage(window.Days, daily.Count(n => n > 0), Gaps(window, daily, gapDays), ByDate(window, daily)),
                OperatingTest.Judge(tally, c, daily, periods.Of(control.Cadence)),
                tally.SampleOf(c).Select(ToSample).ToList());
        }

        return controls;
    }

    /// <summary>
    /// Type II: at least 90 observation days, no day without evidence for any control, and no exception of an in-scope
    /// control with evidence rules.
    /// </summary>
    public static ReportValidation Validate(EvidenceTally tally, int gapDays, IReadOnlyDictionary<string, ControlEvidence> controls)
    {
        var window = tally.Window;
        var daily = new long[window.Days];
        for (int cell = 0; cell < tally.Vocabulary.CellCount; cell++)
        {
            if (tally.Vocabulary.ControlsOf(cell).Length == 0)
            {
                continue;
            }

            for (int d = 0; d < window.Days; d++)
            {
                daily[d] += tally.Count(cell, window.WindowOffset + d);
            }
        }

        var gaps = Gaps(window, daily, gapDays);
        var warnings = new List<string>();
        if (window.Days < ReportOptions.TypeIIMinimumDays)
        {
            warnings.Add($"the window has {window.Days} days; a Type II observation period needs at least {ReportOptions.TypeIIMinimumDays}");
        }

        if (gaps.Count > 0)
        {
            int days = gaps.Sum(g => g.Days);
            warnings.Add($"{gaps.Count} coverage gap(s) totalling {days} day(s) without evidence for any control: "
                + string.Join(", ", gaps.Select(g => g.Start == g.End ? g.Start : g.Start + ".." + g.End)));
        }

        var failing = controls.Where(c => c.Value.InScope && c.Value.Operation.Exceptions.Count > 0).ToList();
        warnings.AddRange(failing.Take(ControlWarnings).Select(c => ExceptionWarning(c.Key, c.Value)));
        if (failing.Count > ControlWarnings)
        {
            warnings.Add($"… and {failing.Count - ControlWarnings} more control(s) with exceptions");
        }

        int exceptions = failing.Sum(c => c.Value.Operation.Exceptions.Count);
        return new ReportValidation(
            window.Days,
            window.Days >= ReportOptions.TypeIIMinimumDays && gaps.Count == 0 && exceptions == 0,
            ReportOptions.TypeIIMinimumDays,
            gapDays,
            daily.Count(n => n > 0),
            gaps,
            exceptions,
            warnings,
            ByDate(window, daily));
    }

    /// <summary>"control IAM-01 (continuous): 1 exception in 120 required periods: 2026-08-15 (no evidence)".</summary>
    private static string ExceptionWarning(string id, ControlEvidence control)
    {
        var operation = control.Operation;
        int count = operation.Exceptions.Count;
        string where = control.Cadence == KebabCase.FromEnum(Cadence.OnOccurrence)
            ? string.Empty
            : $" in {operation.Required} required period{(operation.Required == 1 ? "" : "s")}";
        string listed = string.Join(", ", operation.Exceptions.Take(ExceptionsPerWarning).Select(e => e.Period + " (" + e.Reason + ")"));
        string more = count > ExceptionsPerWarning ? $", … and {count - ExceptionsPerWarning} more" : string.Empty;
        return $"control {id} ({control.Cadence}): {count} exception{(count == 1 ? "" : "s")}{where}: {listed}{more}";
    }

    /// <summary>Runs of at least <paramref name="gapDays"/> consecutive window days with a zero count.</summary>
    public static List<CoverageGap> Gaps(ReportWindow window, long[] daily, int gapDays)
    {
        var gaps = new List<CoverageGap>();
        int start = -1;
        for (int d = 0; d <= daily.Length; d++)
        {
            bool empty = d < daily.Length && daily[d] == 0;
            if (empty && start < 0)
            {
                start = d;
            }
            else if (!empty && start >= 0)
            {
                if (d - start >= gapDays)
                {
                    gaps.Add(new CoverageGap(
                        window.DateOf(window.WindowOffset + start).ToString(),
                        window.DateOf(window.WindowOffset + d - 1).ToString(),
                        d - start));
                }

                start = -1;
            }
        }

        return gaps;
    }

    /// <summary>Counts per window day, keyed by date (ISO dates sort as the days do).</summary>
    private static SortedDictionary<string, long> ByDate(ReportWindow window, long[] daily)
    {
        var byDate = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (int d = 0; d < window.Days; d++)
        {
            byDate[window.DateOf(window.WindowOffset + d).ToString()] = daily[d];
        }

        return byDate;
    }

    public static SampleEvent ToSample(AuditEvent e) =>
        new(e.Id, EventJson.FormatTime(e.Time), e.Type, e.Outcome, e.Actor, e.Resource, e.Ip);

    private static List<int> CellsOf(EvidenceTally tally, int control)
    {
        var cells = new List<int>();
        for (int cell = 0; cell < tally.Vocabulary.CellCount; cell++)
        {
            if (Array.IndexOf(tally.Vocabulary.ControlsOf(cell), control) >= 0)
            {
                cells.Add(cell);
            }
        }

        return cells;
    }

    /// <summary>"4521 logical access events: 4200 allowed, 321 denied".</summary>
    private static string Summary(string name, long total, SortedDictionary<string, long> outcomes)
    {
        string noun = name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
        string head = total.ToString(CultureInfo.InvariantCulture) + " " + noun + " event" + (total == 1 ? string.Empty : "s");
        var parts = outcomes.Where(o => o.Key != NoOutcome || outcomes.Count > 1)
            .OrderByDescending(o => o.Value)
            .ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => o.Value.ToString(CultureInfo.InvariantCulture) + " " + (o.Key == NoOutcome ? "without outcome" : OutcomeWords.GetValueOrDefault(o.Key, o.Key)))
            .ToList();
        return parts.Count == 0 ? head : head + ": " + string.Join(", ", parts);
    }
}
