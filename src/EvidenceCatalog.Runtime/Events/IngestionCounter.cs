using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// The one owner of an input's counts: every record read is counted once, with its verdict, so
/// <c>Read = Accepted + Duplicates + Rejected + Pending</c> always holds, and <c>Pending</c> is 0 once a store has
/// committed. Nothing else writes them: sinks return verdicts, and a store that learns of duplicates only when it
/// commits a batch resolves its pending verdicts here.
/// </summary>
public sealed class IngestionCounter
{
    /// <summary>Records read (non-blank lines, or events handed in).</summary>
    public long Read { get; private set; }

    /// <summary>Valid records seen for the first time.</summary>
    public long Accepted { get; private set; }

    /// <summary>Valid records whose (account, id) was already accepted; the first one wins.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Records refused and quarantined with a reason.</summary>
    public long Rejected { get; private set; }

    /// <summary>Records handed to a store whose batch has not yet said whether they were new.</summary>
    public long Pending { get; private set; }

    /// <summary>True when the input ended in the middle of a record (no newline and incomplete JSON).</summary>
    public bool TruncatedLastLine { get; private set; }

    /// <summary>The counts now.</summary>
    public IngestionCounts Snapshot() => new(Read, Accepted, Duplicates, Rejected, Pending, TruncatedLastLine);

    /// <summary>
    /// Resolves pending verdicts when a store commits a batch: <paramref name="stored"/> of them were new,
    /// <paramref name="duplicates"/> were already stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">More are resolved than are pending: a store's bug.</exception>
    public void Resolve(long stored, long duplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stored);
        ArgumentOutOfRangeException.ThrowIfNegative(duplicates);
        if (stored + duplicates > Pending)
        {
            throw new InvalidOperationException($"{stored + duplicates} verdicts resolved but only {Pending} are pending");
        }

        Pending -= stored + duplicates;
        Accepted += stored;
        Duplicates += duplicates;
    }

    /// <summary>Counts <paramref name="count"/> records read with one verdict.</summary>
    internal void Count(EventVerdictKind verdict, long count = 1)
    {
        Read += count;
        switch (verdict)
        {
            case EventVerdictKind.Accepted:
                Accepted += count;
                break;
            case EventVerdictKind.Duplicate:
                Duplicates += count;
                break;
            case EventVerdictKind.Rejected:
                Rejected += count;
                break;
            default:
                Pending += count;
                break;
        }
    }

    internal void MarkTruncated() => TruncatedLastLine = true;
}

/// <summary>An input's counts at one moment (read = accepted + duplicates + rejected + pending); they add up across inputs.</summary>
public sealed record IngestionCounts(long Read, long Accepted, long Duplicates, long Rejected, long Pending, bool TruncatedLastLine)
{
    public static readonly IngestionCounts None = new(0, 0, 0, 0, 0, false);

    public static IngestionCounts operator +(IngestionCounts left, IngestionCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.Read + right.Read,
            left.Accepted + right.Accepted,
            left.Duplicates + right.Duplicates,
            left.Rejected + right.Rejected,
            left.Pending + right.Pending,
            left.TruncatedLastLine || right.TruncatedLastLine);
    }

    public static IngestionCounts operator -(IngestionCounts left, IngestionCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.Read - right.Read,
            left.Accepted - right.Accepted,
            left.Duplicates - right.Duplicates,
            left.Rejected - right.Rejected,
            left.Pending - right.Pending,
            left.TruncatedLastLine && !right.TruncatedLastLine);
    }

    public IngestionCounts Add(IngestionCounts other) => this + other;

    public IngestionCounts Subtract(IngestionCounts other) => this - other;
}
