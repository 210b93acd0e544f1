using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Yaml;

namespace EvidenceCatalog.Benchmarks;

/// <summary>Reads a folder of catalogs the way <c>evidence validate DIR</c> does: every *.yaml / *.yml below it, decoded strictly, ordinal order.</summary>
internal static class CatalogSources
{
    /// <param name="directory">The folder to read.</param>
    /// <param name="displayBase">Paths in diagnostics are shown relative to this folder.</param>
    public static ImmutableArray<SourceFile> Read(string directory, string displayBase)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };
        return Directory.EnumerateFiles(directory, "*", options)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => Decode(f, Path.GetRelativePath(displayBase, f).Replace('\\', '/')))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static SourceFile Decode(string fullPath, string displayPath) =>
        SourceDecoder.Decode(displayPath, File.ReadAllBytes(fullPath), YamlLimits.Default, out var diagnostic)
        ?? throw new InvalidDataException(displayPath + ": " + diagnostic?.Message);
}
