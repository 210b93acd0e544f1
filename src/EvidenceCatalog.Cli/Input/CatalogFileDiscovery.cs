using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Commands;

namespace EvidenceCatalog.Cli.Input;

/// <summary>A file found on disk: where it is, and how diagnostics name it.</summary>
internal sealed record DiscoveredFile(string FullPath, string DisplayPath);

/// <summary>Turns the paths given on the command line into the catalog files to check.</summary>
internal static class CatalogFileDiscovery
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.None,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    /// <summary>
    /// A file is taken as given; a directory contributes every <c>*.yaml</c> and <c>*.yml</c> below it.
    /// The result is de-duplicated and sorted ordinally by display path, so the order never depends on the file system.
    /// </summary>
    public static ImmutableArray<DiscoveredFile> FindCatalogs(IEnumerable<string> paths, string workingDirectory)
    {
        var byFullPath = new Dictionary<string, DiscoveredFile>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            string fullPath = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(fullPath))
            {
                Add(byFullPath, fullPath, workingDirectory);
            }
            else if (Directory.Exists(fullPath))
            {
                foreach (string file in Directory.EnumerateFiles(fullPath, "*", Recursive).Where(IsYaml))
                {
                    Add(byFullPath, file, workingDirectory);
                }
            }
            else
            {
                throw new CommandInputException("path '" + path + "' does not exist");
            }
        }

        return [.. byFullPath.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal)];
    }

    /// <summary>Every <c>*.json</c> directly in <paramref name="directory"/>, sorted by display path.</summary>
    public static ImmutableArray<DiscoveredFile> FindSchemas(string directory, string workingDirectory)
    {
        string fullPath = Path.GetFullPath(directory, workingDirectory);
        if (!Directory.Exists(fullPath))
        {
            throw new CommandInputException("schema directory '" + directory + "' does not exist");
        }

        return
        [
            .. Directory.EnumerateFiles(fullPath, "*", SearchOption.TopDirectoryOnly)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Select(f => new DiscoveredFile(f, DisplayPath.For(f, workingDirectory)))
                .OrderBy(f => f.DisplayPath, StringComparer.Ordinal),
        ];
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static void Add(Dictionary<string, DiscoveredFile> byFullPath, string fullPath, string workingDirectory) =>
        byFullPath.TryAdd(fullPath, new DiscoveredFile(fullPath, DisplayPath.For(fullPath, workingDirectory)));
}
