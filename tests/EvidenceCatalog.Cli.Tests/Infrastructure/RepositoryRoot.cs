using System;
using System.IO;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder holding EvidenceCatalog.sln above the test binaries.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Catalogs => System.IO.Path.Combine(Path, "catalogs");

    public static string Schemas => System.IO.Path.Combine(Path, "schemas");

    /// <summary>How many catalog files the repository ships, as `evidence validate` counts them.</summary>
    public static int CatalogFileCount => Directory.GetFiles(Catalogs, "*.yaml", SearchOption.AllDirectories).Length
        + Directory.GetFiles(Catalogs, "*.yml", SearchOption.AllDirectories).Length;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No EvidenceCatalog.sln above " + AppContext.BaseDirectory);
    }
}
