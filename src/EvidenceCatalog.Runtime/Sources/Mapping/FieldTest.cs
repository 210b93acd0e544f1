using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// One condition of a log source (a <see cref="FieldCondition"/>) ready to test records: a scalar is compared by its
/// text, exactly (case-sensitive); an object or an array only exists.
/// </summary>
internal sealed class FieldTest
{
    /// <summary>How much of a record's value a reason quotes.</summary>
    private const int QuotedLength = 80;

    private readonly int slot;
    private readonly byte[][] values;

    public FieldTest(FieldCondition condition, PointerSet pointers)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Condition = condition;
        slot = pointers.Add(JsonPointer.Parse(condition.Field));
        values = condition.Values.Select(Encoding.UTF8.GetBytes).ToArray();
        if (condition.Kind is ConditionKind.Equals or ConditionKind.Prefix && values.Length != 1)
        {
            throw new FormatException($"the condition on {condition.Field} ({condition.Kind}) needs exactly one value");
        }
    }

    public FieldCondition Condition { get; }

    /// <summary>The slot of the field compared (in the source's <see cref="PointerSet"/>).</summary>
    public int Slot => slot;

    /// <summary>The values compared with, in UTF-8 (none for <c>exists</c>).</summary>
    public IReadOnlyList<byte[]> Values => values;

    /// <summary>Whether the record meets the condition.</summary>
    /// <exception cref="Canonical.CanonicalJsonException">The value escapes half of a UTF-16 surrogate pair.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Holds(SourceRecord record)
    {
        switch (Condition.Kind)
        {
            case ConditionKind.Exists:
                return record.Exists(slot);
            case ConditionKind.Missing:
                return !record.Exists(slot);
        }

        if (!record.TryText(slot, out var text))
        {
            return false;
        }

        switch (Condition.Kind)
        {
            case ConditionKind.Equals:
                return text.SequenceEqual(values[0]);
            case ConditionKind.Prefix:
                return text.StartsWith(values[0]);
            default:
                foreach (var value in values)
                {
                    if (text.SequenceEqual(value))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    /// <summary>Why the record does not meet the condition, in a few words: <c>/eventSource is missing</c>.</summary>
    public string Failure(SourceRecord record)
    {
        string field = Condition.Field;
        if (Condition.Kind == ConditionKind.Missing)
        {
            return field + " is present";
        }

        if (!record.TryText(slot, out var text))
        {
            return field + " is " + record.Describe(slot);
        }

        string quoted = Quote(text);
        return Condition.Kind switch
        {
            ConditionKind.Equals => $"{field} is {quoted}, not '{Condition.Values[0]}'",
            ConditionKind.Prefix => $"{field} is {quoted}, which does not start with '{Condition.Values[0]}'",
            ConditionKind.OneOf => $"{field} is {quoted}, not one of {string.Join(", ", Condition.Values.Select(v => "'" + v + "'"))}",
            _ => field + " is " + record.Describe(slot),
        };
    }

    /// <summary>A value as a reason quotes it: in quotes, cut to a few words.</summary>
    public static string Quote(ReadOnlySpan<byte> text)
    {
        string decoded = Encoding.UTF8.GetString(text);
        return "'" + (decoded.Length > QuotedLength ? decoded[..QuotedLength] + "…" : decoded) + "'";
    }
}
