using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Checks;

/// <summary>What the cross-file checks share: the loaded files, which kinds are only partly known, and the output.</summary>
internal sealed class CheckContext
{
    private readonly HashSet<string> incompleteKinds;
    private readonly bool anyFileUnreadable;

    public CheckContext(IReadOnlyList<LoadedCatalogFile> files, CompilerOptions options)
    {
        Files = files;
        Options = options;
        incompleteKinds = new HashSet<string>(files.Where(f => f.Kind is not null && f.Fragment is null).Select(f => f.Kind!), StringComparer.Ordinal);
        anyFileUnreadable = files.Any(f => f.Kind is null);
    }

    public IReadOnlyList<LoadedCatalogFile> Files { get; }

    public CompilerOptions Options { get; }

    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>
    /// True when every file of <paramref name="kind"/> was read. A reference into a kind with a broken file is not
    /// checked, so that one error does not cascade into a page of "unknown id" errors.
    /// </summary>
    public bool IsComplete(string kind) => !anyFileUnreadable && !incompleteKinds.Contains(kind);

    /// <summary>The files that were read, each with its fragment.</summary>
    public IEnumerable<(LoadedCatalogFile File, Model.CatalogFragment Fragment)> Fragments =>
        Files.Where(f => f.Fragment is not null).Select(f => (f, f.Fragment!));

    public void Report(DiagnosticDescriptor descriptor, LoadedCatalogFile file, string pointer, params object?[] args) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, file.Path, file.Spans.Find(pointer), args));

    public static string Location(LoadedCatalogFile file, string pointer)
    {
        var span = file.Spans.Find(pointer);
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", file.Path, span.StartLine, span.StartColumn);
    }

    public static string Pointer(params object[] segments) =>
        string.Concat(segments.Select(s => "/" + Convert.ToString(s, CultureInfo.InvariantCulture)));

    /// <summary>"; did you mean 'x'?" for the closest known name, or an empty string when none is close.</summary>
    public static string Suggest(string value, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = EditDistance(value, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, value.Length / 3) ? "; did you mean '" + best + "'?" : string.Empty;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
