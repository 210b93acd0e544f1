using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// The first rule of a log source whose conditions all hold for a record, found without testing every rule in turn: a
/// rule with an <c>equals</c> or <c>oneOf</c> condition can only match a record whose value there is one of the
/// condition's values, so each such rule is filed under one of those conditions (the one on the field whose values
/// tell the rules apart best, <c>/eventName</c> rather than <c>/eventSource</c>), and a record looks up its value of
/// each filing field once. The candidates are then tested in the rules' order, so the first match is the one the
/// rules in order give. Most records of a source (CloudTrail's reads, say) are candidates for no rule at all.
/// </summary>
/// <remarks>
/// Reading a condition's value can fail (a string escaping half a UTF-16 surrogate pair), and the record is rejected
/// where the rules in order first read it. So a record with an escaped string in any field a condition compares is
/// tested rule by rule, exactly as without the index; values without escapes cannot fail.
/// </remarks>
internal sealed class RuleIndex
{
    private readonly MappingRule[] rules;
    private readonly bool[] unfiled;
    private readonly Filing[] filings;
    private readonly int[] comparedSlots;
    private readonly int[] stamps;
    private int stamp;

    public RuleIndex(MappingRule[] rules)
    {
        this.rules = rules ?? throw new ArgumentNullException(nameof(rules));
        stamps = new int[rules.Length];
        unfiled = new bool[rules.Length];

        // How many distinct values each field is compared with, over all rules: the more, the better it tells rules apart.
        var valuesBySlot = new Dictionary<int, HashSet<string>>();
        foreach (var test in rules.SelectMany(r => r.Conditions).Where(Compares))
        {
            if (!valuesBySlot.TryGetValue(test.Slot, out var values))
            {
                valuesBySlot[test.Slot] = values = new HashSet<string>(StringComparer.Ordinal);
            }

            values.UnionWith(test.Condition.Values);
        }

        comparedSlots = [.. rules.SelectMany(r => r.Conditions).Where(t => t.Condition.Kind is not (ConditionKind.Exists or ConditionKind.Missing)).Select(t => t.Slot).Distinct()];
        var bySlot = new Dictionary<int, Dictionary<byte[], List<int>>>();
        for (int r = 0; r < rules.Length; r++)
        {
            var filing = rules[r].Conditions.Where(Compares).OrderByDescending(t => valuesBySlot[t.Slot].Count).FirstOrDefault();
            if (filing is null)
            {
                unfiled[r] = true;
                continue;
            }

            if (!bySlot.TryGetValue(filing.Slot, out var byValue))
            {
                bySlot[filing.Slot] = byValue = new Dictionary<byte[], List<int>>(Utf8KeyComparer.Instance);
            }

            foreach (var value in filing.Values)
            {
                if (!byValue.TryGetValue(value, out var filed))
                {
                    byValue[value] = filed = [];
                }

                filed.Add(r);
            }
        }

        filings = [.. bySlot.Select(s => new Filing(s.Key, s.Value.ToDictionary(v => v.Key, v => v.Value.ToArray(), Utf8KeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>()))];
    }

    /// <summary>The first rule whose conditions all hold, or null.</summary>
    /// <exception cref="Canonical.CanonicalJsonException">A compared value escapes half of a UTF-16 surrogate pair (where the rules in order first read it).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MappingRule? FirstMatch(SourceRecord record)
    {
        foreach (int slot in comparedSlots)
        {
            if (record.IsEscaped(slot))
            {
                return InOrder(record);
            }
        }

        if (++stamp == int.MaxValue)
        {
            Array.Clear(stamps);
            stamp = 1;
        }

        foreach (var filing in filings)
        {
            if (record.TryText(filing.Slot, out var text) && filing.Rules.TryGetValue(text, out var filed))
            {
                foreach (int r in filed)
                {
                    stamps[r] = stamp;
                }
            }
        }

        for (int r = 0; r < rules.Length; r++)
        {
            if ((unfiled[r] || stamps[r] == stamp) && rules[r].Matches(record))
            {
                return rules[r];
            }
        }

        return null;
    }

    private MappingRule? InOrder(SourceRecord record)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(record))
            {
                return rule;
            }
        }

        return null;
    }

    private static bool Compares(FieldTest test) => test.Condition.Kind is ConditionKind.Equals or ConditionKind.OneOf;

    /// <summary>A filing field and the rules filed under each of its values, looked up by the record's bytes.</summary>
    private sealed record Filing(int Slot, Dictionary<byte[], int[]>.AlternateLookup<ReadOnlySpan<byte>> Rules);
}
