using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using Newtonsoft.Json.Linq;

namespace EvidenceCatalog.Compiler;

/// <summary>
/// The part of a file with errors that can still be read: each entry (an item of one of the file's top-level lists of
/// mappings, such as <c>/vendors/3</c>) that holds an error is left out, and the others are kept. When an error lies
/// outside every entry (a top-level key, a list's own length, a file-wide problem), nothing of the file is kept.
/// </summary>
internal static class ValidEntries
{
    /// <summary>The document without its broken entries, and its source map renumbered so each pointer names the entry's new position.</summary>
    public sealed record Result(JToken Json, IReadOnlyList<SourceMapEntry> Spans);

    public static Result? Keep(string path, JToken json, IReadOnlyList<SourceMapEntry> spans, IEnumerable<CatalogDiagnostic> diagnostics)
    {
        if (json is not JObject root)
        {
            return null;
        }

        var where = spans.Where(s => !s.Pointer.Contains('#')).GroupBy(s => s.Pointer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Span, StringComparer.Ordinal);
        var entries = new List<(string List, int Index, SourceSpan Span)>();
        foreach (var list in root.Properties().Where(p => p.Value is JArray items && items.Any(i => i is JObject)))
        {
            for (int i = 0; i < ((JArray)list.Value).Count; i++)
            {
                if (where.TryGetValue("/" + list.Name + "/" + i.ToString(CultureInfo.InvariantCulture), out var span))
                {
                    entries.Add((list.Name, i, span));
                }
            }
        }

        var broken = new HashSet<(string List, int Index)>();
        foreach (var error in diagnostics.Where(d => d.IsError))
        {
            var holder = entries.Where(e => string.Equals(error.FilePath, path, StringComparison.Ordinal) && Contains(e.Span, error.Span)).ToList();
            if (holder.Count == 0)
            {
                return null;
            }

            broken.Add((holder[0].List, holder[0].Index));
        }

        var kept = (JObject)root.DeepClone();
        var newIndex = new Dictionary<(string List, int Index), int>();
        foreach (var list in kept.Properties().Where(p => entries.Any(e => e.List == p.Name)))
        {
            var items = (JArray)list.Value;
            int next = 0;
            for (int i = 0; i < items.Count; i++)
            {
                if (!broken.Contains((list.Name, i)))
                {
                    newIndex[(list.Name, i)] = next++;
                }
            }

            foreach (int i in Enumerable.Range(0, items.Count).Where(i => broken.Contains((list.Name, i))).Reverse().ToList())
            {
                items.RemoveAt(i);
            }
        }

        var renumbered = new List<SourceMapEntry>();
        foreach (var entry in spans)
        {
            if (EntryOf(entry.Pointer) is not { } at || !entries.Any(e => e.List == at.List))
            {
                renumbered.Add(entry);
            }
            else if (newIndex.TryGetValue((at.List, at.Index), out int index))
            {
                renumbered.Add(entry with { Pointer = "/" + at.List + "/" + index.ToString(CultureInfo.InvariantCulture) + at.Tail });
            }
        }

        return new Result(kept, renumbered);
    }

    private static bool Contains(SourceSpan entry, SourceSpan error) =>
        error.StartOffset >= entry.StartOffset && error.StartOffset < Math.Max(entry.EndOffset, entry.StartOffset + 1);

    /// <summary>"/vendors/3/id#key" → ("vendors", 3, "/id#key"); null for a pointer that is not inside a list item.</summary>
    private static (string List, int Index, string Tail)? EntryOf(string pointer)
    {
        string[] parts = pointer.Split(new[] { '/' }, 3);
        if (parts.Length < 3 || parts[0].Length != 0)
        {
            return null;
        }

        int end = parts[2].IndexOfAny(new[] { '/', '#' });
        string number = end < 0 ? parts[2] : parts[2].Substring(0, end);
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? (parts[1], index, end < 0 ? string.Empty : parts[2].Substring(end))
            : null;
    }
}
