using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Runtime.Aggregation;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The sections counted from the events: security metrics, the audit-log summary, incident activity.</summary>
internal static class LiveSectionBuilder
{
    /// <summary>Actors listed in the audit-log summary.</summary>
    public const int TopActorCount = 10;

    public static SecurityMetricsSection SecurityMetrics(EvidenceTally tally)
    {
        var window = tally.Window;
        var metrics = new List<MetricEntry>();
        for (int index = 0; index < tally.Vocabulary.Metrics.Length; index++)
        {
            var metric = tally.Vocabulary.Metrics[index];
            long total = 0;
            int days = 0;
            DayCount? peak = null;
            for (int d = window.WindowOffset; d < window.TotalDays; d++)
            {
                long n = metric.Cells.Sum(cell => tally.Count(cell, d));
                total += n;
                days += n > 0 ? 1 : 0;
                if (n > 0 && (peak is null || n > peak.Count))
                {
                    peak = new DayCount(window.DateOf(d).ToString(), n);
                }
            }

            var m = metric.Metric;
            metrics.Add(new MetricEntry(m.Id, m.Name, m.Description, m.EventType, m.Outcomes.ToArray(), total, days, peak) { DistinctIps = tally.DistinctIps(index) });
        }

        var section = new SecurityMetricsSection(metrics);
        return metrics.Count == 0 ? (SecurityMetricsSection)section.AsDegraded("the events catalog declares no security metrics") : section;
    }

    /// <summary>Totals, counts by type and the ten most active actors (ties by actor id, ascending) over the audit-log days.</summary>
    public static AuditLogSummarySection AuditLog(EvidenceTally tally)
    {
        var window = tally.Window;
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        for (int cell = 0; cell < tally.Vocabulary.CellCount; cell++)
        {
            long n = 0;
            for (int d = window.AuditOffset; d < window.TotalDays; d++)
            {
                n += tally.Count(cell, d);
            }

            if (n > 0)
            {
                string type = tally.Vocabulary.Types[tally.Vocabulary.TypeOf(cell)];
                byType[type] = byType.GetValueOrDefault(type) + n;
                total += n;
            }
        }

        var top = tally.Actors
            .OrderByDescending(a => a.Value)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(TopActorCount)
            .Select(a => new ActorCount(a.Key, a.Value))
            .ToList();
        return new AuditLogSummarySection(window.DateOf(window.AuditOffset).ToString(), window.To.ToString(), total, byType, top);
    }

    /// <summary>Events of the incident category in the window, by type.</summary>
    public static SortedDictionary<string, long> IncidentActivity(EvidenceTally tally)
    {
        var window = tally.Window;
        var vocabulary = tally.Vocabulary;
        var activity = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var incidentTypes = vocabulary.Catalog.Model.EventTypes
            .Where(t => string.Equals(t.Category, "incident", StringComparison.Ordinal) || t.Id.StartsWith("incident.", StringComparison.Ordinal))
            .Select(t => t.Id)
            .ToHashSet(StringComparer.Ordinal);
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            string type = vocabulary.Types[vocabulary.TypeOf(cell)];
            if (!incidentTypes.Contains(type))
            {
                continue;
            }

            long n = 0;
            for (int d = window.WindowOffset; d < window.TotalDays; d++)
            {
                n += tally.Count(cell, d);
            }

            activity[type] = activity.GetValueOrDefault(type) + n;
        }

        return activity;
    }
}
