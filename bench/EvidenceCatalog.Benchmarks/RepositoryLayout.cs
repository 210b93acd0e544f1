using System;
using System.IO;

namespace EvidenceCatalog.Benchmarks;

/// <summary>Where the repository's folders are, found from the running binary so that any working directory works.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "EvidenceCatalog.sln";

    /// <summary>The folder holding <c>EvidenceCatalog.sln</c>, walking up from <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string Root { get; } = FindRoot();

    public static string Catalogs => Path.Combine(Root, "catalogs");

    public static string Schemas => Path.Combine(Root, "schemas");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no folder above " + AppContext.BaseDirectory + " holds " + SolutionFile + "; run the benchmarks from inside the repository");
    }
}
