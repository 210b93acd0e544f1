using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler;

namespace EvidenceCatalog.Generator.Tests.Infrastructure;

/// <summary>The repository's schemas and sample catalogs, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    /// <summary>Every file matching <paramref name="pattern"/> under <c>ROOT/relativeDirectory</c>, with full paths as MSBuild passes them.</summary>
    public static IReadOnlyList<SourceFile> Read(string relativeDirectory, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeDirectory), pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(p)))
            .ToList();

    public static IReadOnlyList<SourceFile> SampleCatalogs() => Read("catalogs", "*.yaml");

    public static IReadOnlyList<SourceFile> Schemas() => Read("schemas", "*.schema.json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EvidenceCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
