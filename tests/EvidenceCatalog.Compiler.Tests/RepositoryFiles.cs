using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The repository's own schemas and sample catalogs, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    public static readonly DateTime AsOfDay = new(2026, 11, 23);

    public static readonly Lazy<SchemaSet> Schemas = new(() => SchemaSet.Load(SchemaFiles()));

    public static IReadOnlyList<SourceFile> SchemaFiles() => ReadAll(Path.Combine(Root, "schemas"), "*.json", Root);

    public static IReadOnlyList<SourceFile> SampleCatalogs() => ReadAll(Path.Combine(Root, "catalogs"), "*.yaml", Root);

    /// <summary>Every file matching <paramref name="pattern"/> under <paramref name="directory"/>, with paths relative to <paramref name="relativeTo"/>.</summary>
    public static IReadOnlyList<SourceFile> ReadAll(string directory, string pattern, string relativeTo) =>
        Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(Path.GetRelativePath(relativeTo, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();

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
