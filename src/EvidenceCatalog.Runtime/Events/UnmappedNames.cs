using System;
using System.Collections.Generic;
using System.Linq;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>Unmapped records of one native event name (a log source's own name for what happened).</summary>
/// <param name="Name">The native name (<c>s3.amazonaws.com:GetObject</c>).</param>
/// <param name="Count">Unmapped records under it.</param>
public sealed record NativeNameCount(string Name, long Count);

/// <summary>
/// How many unmapped records each native event name had: the answer to "what does this source log that no rule maps?".
/// Bounded: the first <see cref="MaxNames"/> distinct names are counted exactly, and the records of any name first
/// seen after that are counted in <see cref="Other"/> alone, so a source with endless distinct names cannot grow memory.
/// Value-equal, and added up across inputs.
/// </summary>
public sealed class UnmappedNames : IEquatable<UnmappedNames>
{
    /// <summary>Distinct names counted exactly, per input and in a sum; enough for every event name of a real source's files.</summary>
    public const int MaxNames = 1000;

    /// <summary>No unmapped records.</summary>
    public static readonly UnmappedNames None = new([], 0);

    private readonly NativeNameCount[] names;

    /// <param name="names">Counts per name (each name once).</param>
    /// <param name="other">Records whose name was not counted by itself.</param>
    public UnmappedNames(IEnumerable<NativeNameCount> names, long other)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfNegative(other);

        // Most frequent first, ties by name (ordinal): the same order whatever order they were counted in.
        this.names = names.OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal).ToArray();
        Other = other;
    }

    /// <summary>Names with their counts, most frequent first (ties by name, ordinal).</summary>
    public IReadOnlyList<NativeNameCount> Names => names;

    /// <summary>Unmapped records whose name is not in <see cref="Names"/>.</summary>
    public long Other { get; }

    /// <summary>All unmapped records.</summary>
    public long Total => names.Sum(n => n.Count) + Other;

    /// <summary>The <paramref name="count"/> most frequent names; the records of the others go to the second item.</summary>
    public (IReadOnlyList<NativeNameCount> Top, long Other) Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var top = names.Take(count).ToArray();
        return (top, Other + names.Skip(count).Sum(n => n.Count));
    }

    /// <summary>The counts of both added up (still bounded: names beyond <see cref="MaxNames"/> go to <see cref="Other"/>).</summary>
    public static UnmappedNames operator +(UnmappedNames left, UnmappedNames right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (right.names.Length == 0 && right.Other == 0)
        {
            return left;
        }

        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in left.names.Concat(right.names))
        {
            sums[name.Name] = sums.GetValueOrDefault(name.Name) + name.Count;
        }

        var merged = new UnmappedNames(sums.Select(s => new NativeNameCount(s.Key, s.Value)), left.Other + right.Other);
        return merged.names.Length <= MaxNames ? merged : new UnmappedNames(merged.names.Take(MaxNames), merged.Top(MaxNames).Other);
    }

    /// <summary>What <paramref name="left"/> counted beyond <paramref name="right"/> (an earlier snapshot of the same counts).</summary>
    public static UnmappedNames operator -(UnmappedNames left, UnmappedNames right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var before = right.names.ToDictionary(n => n.Name, n => n.Count, StringComparer.Ordinal);
        var grown = left.names.Select(n => n with { Count = n.Count - before.GetValueOrDefault(n.Name) }).Where(n => n.Count > 0);
        return new UnmappedNames(grown, Math.Max(0, left.Other - right.Other));
    }

    public UnmappedNames Add(UnmappedNames other) => this + other;

    public UnmappedNames Subtract(UnmappedNames other) => this - other;

    public bool Equals(UnmappedNames? other) =>
        other is not null && Other == other.Other && names.AsSpan().SequenceEqual(other.names);

    public override bool Equals(object? obj) => Equals(obj as UnmappedNames);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Other);
        foreach (var name in names)
        {
            hash.Add(name);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        string.Join(", ", names.Select(n => n.Name + " " + n.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        + (Other > 0 ? ", other " + Other.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
}
