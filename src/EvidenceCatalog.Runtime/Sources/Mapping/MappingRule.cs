using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// One mapping rule of a log source ready to test records: its conditions, the event type it gives, and how the
/// outcome is found (a constant, a field's value through a map with an optional default, or none).
/// </summary>
internal sealed class MappingRule
{
    private readonly FieldTest[] when;
    private readonly byte[]? constantOutcome;
    private readonly int outcomeSlot = -1;
    private readonly (byte[] From, byte[] To)[] map;
    private readonly byte[]? defaultOutcome;

    public MappingRule(SourceRule rule, int position, PointerSet pointers)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        Label = rule.Name is { Length: > 0 } name ? $"rule '{name}'" : $"rule {position}";
        when = rule.When.Select(c => new FieldTest(c, pointers)).ToArray();
        Type = Encoding.UTF8.GetBytes(rule.Type);
        var outcome = rule.Outcome;
        map = outcome?.Map.Select(m => (Encoding.UTF8.GetBytes(m.From), Encoding.UTF8.GetBytes(m.To))).ToArray() ?? [];
        if (outcome?.Value is { } value)
        {
            constantOutcome = Encoding.UTF8.GetBytes(value);
        }
        else if (outcome?.Field is { } field)
        {
            outcomeSlot = pointers.Add(JsonPointer.Parse(field));
            defaultOutcome = outcome.Default is { } fallback ? Encoding.UTF8.GetBytes(fallback) : null;
        }
    }

    public SourceRule Rule { get; }

    /// <summary>The conditions, in order.</summary>
    public IReadOnlyList<FieldTest> Conditions => when;

    /// <summary>How reasons name the rule: <c>rule 'console sign-in'</c>, or its position when it has no name.</summary>
    public string Label { get; }

    /// <summary>The event type, in UTF-8.</summary>
    public byte[] Type { get; }

    /// <summary>Whether every condition holds (a rule without conditions matches every record).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(SourceRecord record)
    {
        foreach (var test in when)
        {
            if (!test.Holds(record))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The event's outcome: null when the rule gives none (<paramref name="outcome"/> empty, <paramref name="hasOutcome"/>
    /// false) or when it found one; otherwise why the record cannot be given one.
    /// </summary>
    public string? Outcome(SourceRecord record, out ReadOnlySpan<byte> outcome, out bool hasOutcome)
    {
        outcome = constantOutcome;
        hasOutcome = constantOutcome is not null;
        if (outcomeSlot < 0)
        {
            return null;
        }

        hasOutcome = true;
        bool found = record.TryText(outcomeSlot, out var value);
        if (found)
        {
            foreach (var (from, to) in map)
            {
                if (value.SequenceEqual(from))
                {
                    outcome = to;
                    return null;
                }
            }
        }

        if (defaultOutcome is not null)
        {
            outcome = defaultOutcome;
            return null;
        }

        string what = found ? $"is {FieldTest.Quote(value)}, which its outcome map does not name" : "is " + record.Describe(outcomeSlot);
        return $"{Label}: {Rule.Outcome!.Field} {what}, and the rule has no default outcome";
    }
}
