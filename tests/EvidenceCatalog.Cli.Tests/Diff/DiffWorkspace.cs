using System;
using System.IO;
using EvidenceCatalog.Cli.Tests.Infrastructure;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary>
/// A workspace with two catalog folders, <c>base/</c> and <c>head/</c>: each a copy of the repository's catalogs with a
/// fixture's <c>before/</c> or <c>after/</c> files laid over it (Fixtures/Diff/NAME/).
/// </summary>
internal static class DiffWorkspace
{
    public static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Diff");

    public static CatalogWorkspace For(string fixture)
    {
        var workspace = CatalogWorkspace.Empty();
        foreach (var (side, overlay) in new[] { ("base", "before"), ("head", "after") })
        {
            Copy(RepositoryRoot.Catalogs, workspace.Combine(side));
            string files = Path.Combine(FixturesRoot, fixture, overlay);
            if (Directory.Exists(files))
            {
                Copy(files, workspace.Combine(side));
            }
        }

        return workspace;
    }

    public static void Copy(string source, string target)
    {
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }
}
