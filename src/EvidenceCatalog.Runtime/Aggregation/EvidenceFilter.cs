using System;
using System.Collections.Generic;
using System.Text;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// Sorts accepted events into the report's account and days, and owns those counts: the one rule the tally and the
/// CSV export share, so both see the same evidence population.
/// </summary>
internal sealed class EvidenceFilter
{
    /// <summary>Other accounts named one by one; beyond this many, they are only counted.</summary>
    private const int NamedAccounts = 1000;

    private readonly byte[] account;
    private readonly ReportWindow window;
    private readonly Dictionary<string, long> otherAccounts = new(StringComparer.Ordinal);
    private byte[] lastOther = [];
    private string lastOtherName = string.Empty;
    private int dayHint;

    public EvidenceFilter(string account, ReportWindow window)
    {
        this.account = Encoding.UTF8.GetBytes(account);
        this.window = window;
        Counts = new WindowCounts(otherAccounts);
    }

    /// <summary>The classification so far.</summary>
    public WindowCounts Counts { get; }

    /// <summary>
    /// The tally day of the record, or -1 when it belongs to another account or falls outside the covered days.
    /// Counts it as in the window, outside it (including the audit-log days before it) or of another account.
    /// </summary>
    public int Classify(in EventRecord record)
    {
        if (!record.Account.SequenceEqual(account))
        {
            CountOther(record.Account);
            return -1;
        }

        int day = window.DayOf(record.UtcTicks, ref dayHint);
        if (day < window.WindowOffset)
        {
            Counts.OutsideWindow++;
        }
        else
        {
            Counts.InWindow++;
        }

        return day;
    }

    private void CountOther(ReadOnlySpan<byte> other)
    {
        Counts.OtherAccounts++;
        if (!other.SequenceEqual(lastOther))
        {
            lastOther = other.ToArray();
            lastOtherName = Encoding.UTF8.GetString(other);
        }

        if (otherAccounts.Count < NamedAccounts || otherAccounts.ContainsKey(lastOtherName))
        {
            otherAccounts[lastOtherName] = otherAccounts.GetValueOrDefault(lastOtherName) + 1;
        }
    }
}

/// <summary>
/// How the accepted events of a report divide: of its account inside the window (the evidence population), of its
/// account outside it, and of other accounts. <c>Accepted = InWindow + OutsideWindow + OtherAccounts</c>.
/// </summary>
public sealed class WindowCounts
{
    private readonly Dictionary<string, long> otherAccountVolumes;

    internal WindowCounts(Dictionary<string, long> otherAccountVolumes)
    {
        this.otherAccountVolumes = otherAccountVolumes;
    }

    /// <summary>Accepted records of the report's account inside the window.</summary>
    public long InWindow { get; internal set; }

    /// <summary>Accepted records of the report's account outside the window.</summary>
    public long OutsideWindow { get; internal set; }

    /// <summary>Accepted records of other accounts, left out of the report.</summary>
    public long OtherAccounts { get; internal set; }

    /// <summary>The other accounts seen and their records (the first 1,000 accounts), for "no events for account X" messages.</summary>
    public IReadOnlyDictionary<string, long> OtherAccountVolumes => otherAccountVolumes;

    /// <summary>Adds the volume of another account (a store's grouped count).</summary>
    internal void AddOtherAccount(string account, long count) =>
        otherAccountVolumes[account] = otherAccountVolumes.GetValueOrDefault(account) + count;
}
