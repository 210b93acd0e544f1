using System;
using System.IO;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>The code blocks of README.md that tests compile and run, found by the marker comment before them.</summary>
public static class ReadmeSnippet
{
    /// <summary>The library snippet (<c>&lt;!-- snippet: library-api</c>): what a service writes against the packages.</summary>
    public static string LibraryApi()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        int marker = readme.IndexOf("<!-- snippet: library-api", StringComparison.Ordinal);
        if (marker < 0)
        {
            throw new InvalidOperationException("README.md has no library-api snippet marker");
        }

        int start = readme.IndexOf("```csharp\n", marker, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EvidenceCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
