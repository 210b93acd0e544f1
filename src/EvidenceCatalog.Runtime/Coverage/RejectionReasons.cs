using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Coverage;

/// <summary>
/// A quarantine that keeps no record, only how many were rejected for each reason, per the group the reading is in
/// (a source). Reasons that differ only in a field's value (<c>time /eventTime '2022-03-16 19:17:41': …</c>) are
/// counted together, the value shown as <c>'…'</c>. Bounded: the first <see cref="MaxReasons"/> distinct reasons of a
/// group are counted by themselves, the rest together.
/// </summary>
public sealed class RejectionReasons : IEventQuarantine
{
    /// <summary>Distinct reasons counted by themselves, per group.</summary>
    public const int MaxReasons = 1000;

    private readonly Dictionary<string, Group> groups = new(StringComparer.Ordinal);
    private Group current;

    public RejectionReasons()
    {
        current = GroupOf(string.Empty);
    }

    public long Count { get; private set; }

    /// <summary>Null: the rejections are counted, not kept.</summary>
    public string? Location => null;

    /// <summary>Rejections from now on count in <paramref name="group"/>.</summary>
    public void Begin(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        current = GroupOf(group);
    }

    public void Add(EventRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        Count++;
        current.Add(WithoutValues(rejection.Reason));
    }

    /// <summary>The reasons of <paramref name="group"/>, most first (ties by reason, ordinal), and the rejections not counted by reason.</summary>
    public (IReadOnlyList<ReasonCount> Reasons, long Other) Of(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return groups.TryGetValue(group, out var found)
            ? (found.Counts.Select(c => new ReasonCount(c.Key, c.Value)).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToArray(), found.Other)
            : ([], 0);
    }

    /// <summary>The reason with each value quoted after a JSON pointer (<c>/eventTime '…'</c>, <c>/a is '…'</c>) left out.</summary>
    public static string WithoutValues(string reason) => FieldValue.Replace(reason ?? throw new ArgumentNullException(nameof(reason)), "$1'…'");

    private static readonly Regex FieldValue = new(@"((?:^|[\s(])/[^\s']*(?: is)? )'[^']*'", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private Group GroupOf(string name)
    {
        if (!groups.TryGetValue(name, out var group))
        {
            group = new Group();
            groups.Add(name, group);
        }

        return group;
    }

    private sealed class Group
    {
        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        public long Other { get; private set; }

        public void Add(string reason)
        {
            if (Counts.TryGetValue(reason, out long count))
            {
                Counts[reason] = count + 1;
            }
            else if (Counts.Count < MaxReasons)
            {
                Counts.Add(reason, 1);
            }
            else
            {
                Other++;
            }
        }
    }
}
