using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>
/// The field-level difference of two entries in canonical form. Objects compare member by member; a list of scalars
/// is one field (<c>criteria: [CC6.1] → [CC6.1, CC6.2]</c>); a list of objects pairs its items by a key every item
/// has and no two share (<c>id</c>, <c>eventType</c>, <c>action</c>), else by position.
/// </summary>
internal static class FieldDiff
{
    private static readonly string[] ItemKeys = ["id", "eventType", "action", "field"];

    public static List<FieldChange> Compare(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var changes = new List<FieldChange>();
        CompareObjects(string.Empty, string.Empty, before, after, changes);
        return changes;
    }

    /// <summary>A value as one line of text (control characters written visibly, as in diagnostics): strings as written, lists in brackets, objects in braces; null is <c>(none)</c>.</summary>
    public static string Render(object? value) => value switch
    {
        null => "(none)",
        string text => MessageText.Escape(text),
        bool flag => flag ? "true" : "false",
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> members => "{" + string.Join(", ", members.Where(m => m.Value is not null).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + ": " + Render(m.Value))) + "}",
        IEnumerable<object?> items => "[" + string.Join(", ", items.Select(Render)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static void CompareObjects(string path, string pointer, IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after, List<FieldChange> changes)
    {
        foreach (string name in before.Keys.Union(after.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            before.TryGetValue(name, out var left);
            after.TryGetValue(name, out var right);
            CompareValues(path.Length == 0 ? name : path + "." + name, pointer + "/" + name, left, right, changes);
        }
    }

    private static void CompareValues(string path, string pointer, object? before, object? after, List<FieldChange> changes)
    {
        if (before is IReadOnlyDictionary<string, object?> leftObject && after is IReadOnlyDictionary<string, object?> rightObject)
        {
            CompareObjects(path, pointer, leftObject, rightObject, changes);
        }
        else if (before is object?[] leftList && after is object?[] rightList && (leftList.Any(IsObject) || rightList.Any(IsObject)))
        {
            CompareObjectLists(path, pointer, leftList, rightList, changes);
        }
        else if (!string.Equals(CanonicalJson.Write(before), CanonicalJson.Write(after), StringComparison.Ordinal))
        {
            string? delta = before is object?[] leftValues && after is object?[] rightValues ? Delta(leftValues, rightValues) : null;
            changes.Add(new FieldChange(path, before is null ? null : Render(before), after is null ? null : Render(after), pointer, delta));
        }
    }

    private static void CompareObjectLists(string path, string pointer, object?[] before, object?[] after, List<FieldChange> changes)
    {
        string? key = ItemKeys.FirstOrDefault(k => IsKey(k, before) && IsKey(k, after));
        var leftKeys = Keys(before, key);
        var rightKeys = Keys(after, key);
        var rightIndex = rightKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var leftIndex = leftKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

        foreach (string itemKey in leftKeys.Concat(rightKeys.Where(k => !leftIndex.ContainsKey(k))))
        {
            bool inLeft = leftIndex.TryGetValue(itemKey, out int l);
            bool inRight = rightIndex.TryGetValue(itemKey, out int r);
            string itemPath = path + "[" + itemKey + "]";
            string itemPointer = inRight ? pointer + "/" + r.ToString(CultureInfo.InvariantCulture) : pointer;
            if (inLeft && inRight)
            {
                CompareValues(itemPath, itemPointer, before[l], after[r], changes);
            }
            else
            {
                changes.Add(new FieldChange(itemPath, inLeft ? Render(before[l]) : null, inRight ? Render(after[r]) : null, itemPointer));
            }
        }
    }

    /// <summary><c>+added, -removed</c> between two lists of values, or <c>reordered</c> when they hold the same values.</summary>
    private static string Delta(object?[] before, object?[] after)
    {
        var left = before.Select(Render).ToList();
        var right = after.Select(Render).ToList();
        var parts = right.Where(v => !left.Contains(v, StringComparer.Ordinal)).Select(v => "+" + v)
            .Concat(left.Where(v => !right.Contains(v, StringComparer.Ordinal)).Select(v => "-" + v))
            .ToList();
        return parts.Count == 0 ? "reordered" : string.Join(", ", parts);
    }

    private static bool IsObject(object? value) => value is IReadOnlyDictionary<string, object?>;

    /// <summary>True when every item has the member <paramref name="key"/> as text and no two share it.</summary>
    private static bool IsKey(string key, object?[] items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.All(i => i is IReadOnlyDictionary<string, object?> o && o.TryGetValue(key, out var v) && v is string s && seen.Add(s));
    }

    private static List<string> Keys(object?[] items, string? key) =>
        key is null
            ? items.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToList()
            : items.Select(i => (string)((IReadOnlyDictionary<string, object?>)i!)[key]!).ToList();
}
