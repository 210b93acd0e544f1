using System;
using System.Collections.Generic;
using System.IO;
using EvidenceCatalog.Cli.Commands;

namespace EvidenceCatalog.Cli.Input;

/// <summary>A file found on disk: where it is, and how diagnostics name it.</summary>
internal sealed record DiscoveredFile(string FullPath, string DisplayPath);

/// <summary>Turns the paths given on the command line into the catalog files to check (see <see cref="FolderSearch"/> for what is refused).</summary>
internal static class CatalogFileDiscovery
{
    /// <summary>
    /// A file is taken as given; a directory contributes every <c>*.yaml</c> and <c>*.yml</c> below it.
    /// The result is de-duplicated and sorted ordinally by display path, so the order never depends on the file system.
    /// </summary>
    public static Discovery FindCatalogs(IEnumerable<string> paths, string workingDirectory)
    {
        var search = new FolderSearch(workingDirectory, IsYaml);
        foreach (string path in paths)
        {
            string fullPath = Path.GetFullPath(path, workingDirectory);
            if (Directory.Exists(fullPath))
            {
                search.Search(fullPath, recursive: true);
            }
            else if (File.Exists(fullPath))
            {
                search.AddFile(fullPath);
            }
            else
            {
                throw new CommandInputException("path '" + path + "' does not exist");
            }
        }

        return search.Result();
    }

    /// <summary>Every <c>*.json</c> directly in <paramref name="directory"/>, sorted by display path.</summary>
    public static Discovery FindSchemas(string directory, string workingDirectory)
    {
        string fullPath = Path.GetFullPath(directory, workingDirectory);
        if (!Directory.Exists(fullPath))
        {
            throw new CommandInputException("schema directory '" + directory + "' does not exist");
        }

        var search = new FolderSearch(workingDirectory, f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        search.Search(fullPath, recursive: false);
        return search.Result();
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
