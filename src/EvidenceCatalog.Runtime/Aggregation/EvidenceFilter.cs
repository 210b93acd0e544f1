using System;
using System.Text;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// Sorts accepted events into the report's account and days, counting the rest: the one rule the tally and the CSV
/// export share, so both see the same evidence population.
/// </summary>
internal sealed class EvidenceFilter
{
    private readonly byte[] account;
    private readonly ReportWindow window;
    private readonly IngestionStats stats;
    private int dayHint;

    public EvidenceFilter(string account, ReportWindow window, IngestionStats stats)
    {
        this.account = Encoding.UTF8.GetBytes(account);
        this.window = window;
        this.stats = stats;
    }

    /// <summary>
    /// The tally day of the record, or -1 when it belongs to another account or falls outside the covered days.
    /// Counts it as in the window, outside it (including the audit-log days before it) or of another account.
    /// </summary>
    public int Classify(in EventRecord record)
    {
        if (!record.Account.SequenceEqual(account))
        {
            stats.OtherAccounts++;
            return -1;
        }

        int day = window.DayOf(record.UtcTicks, ref dayHint);
        if (day < window.WindowOffset)
        {
            stats.OutsideWindow++;
        }
        else
        {
            stats.InWindow++;
        }

        return day;
    }
}
