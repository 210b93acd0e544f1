using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

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
        incompleteKinds = new HashSet<string>(files.Where(f => f.Kind is not null && (f.Fragment is null || f.Diagnostics.Any(d => d.IsError))).Select(f => f.Kind!), StringComparer.Ordinal);
        if (files.Count(f => f.Kind == "policies") > 1)
        {
            // Which of two policies catalogs is meant is unknown until one is removed (EC3010).
            incompleteKinds.Add("policies");
        }

        anyFileUnreadable = files.Any(f => f.Kind is null);
    }

    public IReadOnlyList<LoadedCatalogFile> Files { get; }

    public CompilerOptions Options { get; }

    public List<CatalogDiagnostic> Diagnostics { get; } = new();

    /// <summary>
    /// True when every file of <paramref name="kind"/> was read whole. A reference into a kind with a broken file (or
    /// a broken entry, left out of the model) is not checked, so one error does not cascade into "unknown id" errors.
    /// </summary>
    public bool IsComplete(string kind) => !anyFileUnreadable && !incompleteKinds.Contains(kind);

    /// <summary>The files that were read, each with its fragment.</summary>
    public IEnumerable<(LoadedCatalogFile File, CatalogFragment Fragment)> Fragments =>
        Files.Where(f => f.Fragment is not null).Select(f => (f, f.Fragment!));

    public void Report(CatalogDiagnosticDescriptor descriptor, LoadedCatalogFile file, string pointer, params object?[] args) =>
        Diagnostics.Add(CatalogDiagnostic.Create(descriptor, file.Path, file.Spans.Find(pointer), args));

    public static string Location(LoadedCatalogFile file, string pointer)
    {
        var span = file.Spans.Find(pointer);
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", file.Path, span.StartLine, span.StartColumn);
    }

    public static string Pointer(params object[] segments) =>
        string.Concat(segments.Select(s => "/" + Convert.ToString(s, CultureInfo.InvariantCulture)));
}
