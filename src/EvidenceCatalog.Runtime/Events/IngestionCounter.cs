using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// The one owner of an input's counts: every record read is counted once, with its verdict, so
/// <c>Read = Accepted + Duplicates + Rejected + Unmapped + Pending</c> always holds, and <c>Pending</c> is 0 once a store
/// has committed. <c>Unmapped</c> are a log source's records that no rule maps (neither accepted nor rejected), counted
/// per native event name as well. Nothing else writes them: sinks return verdicts, and a store that learns of duplicates only when it
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

    /// <summary>A log source's records that it recognised but no rule mapped: neither accepted nor rejected.</summary>
    public long Unmapped { get; private set; }

    /// <summary>True when the input ended in the middle of a record (no newline and incomplete JSON).</summary>
    public bool TruncatedLastLine { get; private set; }

    /// <summary>The counts now.</summary>
    public IngestionCounts Snapshot() =>
        new(Read, Accepted, Duplicates, Rejected, Pending, TruncatedLastLine, Unmapped, unmappedNames.Snapshot());

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

    /// <summary>Counts one record read that its source recognised but no rule mapped, under its native event name.</summary>
    internal void CountUnmapped(ReadOnlySpan<byte> nativeName)
    {
        Read++;
        Unmapped++;
        unmappedNames.Count(nativeName);
    }

    private readonly NameTally unmappedNames = new();

    /// <summary>Counts per native name without a string per record: names are looked up by their characters.</summary>
    private sealed class NameTally
    {
        /// <summary>Names are cut to this many characters; a native name is a few words, never a paragraph.</summary>
        private const int MaxNameChars = 200;

        private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> countsBySpan;
        private long other;

        public NameTally()
        {
            countsBySpan = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public void Count(ReadOnlySpan<byte> utf8)
        {
            Span<char> chars = stackalloc char[MaxNameChars];
            int length = Decode(utf8, chars);
            var name = chars[..length];
            ref long count = ref CollectionsMarshal.GetValueRefOrNullRef(countsBySpan, name);
            if (!Unsafe.IsNullRef(ref count))
            {
                count++;
            }
            else if (counts.Count < UnmappedNames.MaxNames)
            {
                counts.Add(name.ToString(), 1);
            }
            else
            {
                other++;
            }
        }

        public UnmappedNames Snapshot() =>
            counts.Count == 0 && other == 0 ? UnmappedNames.None : new(counts.Select(c => new NativeNameCount(c.Key, c.Value)), other);

        private static int Decode(ReadOnlySpan<byte> utf8, Span<char> chars)
        {
            // Cut on a character boundary; invalid bytes become U+FFFD (the name is for people, the record is judged elsewhere).
            var status = Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.DestinationTooSmall && written > 0 && char.IsHighSurrogate(chars[written - 1]))
            {
                written--;
            }

            return written;
        }
    }
}

/// <summary>
/// An input's counts at one moment (read = accepted + duplicates + rejected + unmapped + pending); they add up across
/// inputs. <see cref="UnmappedNames"/> splits <see cref="Unmapped"/> by native event name (null: none unmapped).
/// </summary>
public sealed record IngestionCounts(long Read, long Accepted, long Duplicates, long Rejected, long Pending, bool TruncatedLastLine, long Unmapped = 0, UnmappedNames? UnmappedNames = null)
{
    public static readonly IngestionCounts None = new(0, 0, 0, 0, 0, false);

    /// <summary>The unmapped records per native name; empty when there are none.</summary>
    public UnmappedNames UnmappedByName => UnmappedNames ?? Events.UnmappedNames.None;

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
            left.TruncatedLastLine || right.TruncatedLastLine,
            left.Unmapped + right.Unmapped,
            left.UnmappedByName + right.UnmappedByName);
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
            left.TruncatedLastLine && !right.TruncatedLastLine,
            left.Unmapped - right.Unmapped,
            left.UnmappedByName - right.UnmappedByName);
    }

    public IngestionCounts Add(IngestionCounts other) => this + other;

    public IngestionCounts Subtract(IngestionCounts other) => this - other;
}
