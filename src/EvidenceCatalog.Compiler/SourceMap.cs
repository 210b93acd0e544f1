using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler;

/// <summary>
/// Where each value of a catalog file was written, by JSON pointer (<c>/vendors/3/dataAccess/1</c>; a key's own
/// span under <c>POINTER#key</c>). Kept beside the model, never inside it, so the model stays free of positions.
/// </summary>
public sealed class SourceMap : IEquatable<SourceMap>
{
    public static readonly SourceMap Empty = new(EquatableArray<SourceMapEntry>.Empty);

    private Dictionary<string, SourceSpan>? index;

    public SourceMap(EquatableArray<SourceMapEntry> entries) => Entries = entries;

    public EquatableArray<SourceMapEntry> Entries { get; }

    /// <summary>The span of the value at <paramref name="pointer"/>, or of its nearest enclosing value that has one.</summary>
    public SourceSpan Find(string pointer)
    {
        index ??= Entries.GroupBy(e => e.Pointer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Span, StringComparer.Ordinal);
        string current = pointer;
        while (true)
        {
            if (index.TryGetValue(current, out var span))
            {
                return span;
            }

            if (current.Length == 0)
            {
                return SourceSpan.FileStart;
            }

            int slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current.Substring(0, slash);
        }
    }

    public bool Equals(SourceMap? other) => other is not null && Entries.Equals(other.Entries);

    public override bool Equals(object? obj) => Equals(obj as SourceMap);

    public override int GetHashCode() => Entries.GetHashCode();
}

public sealed record SourceMapEntry(string Pointer, SourceSpan Span);
