using System;
using System.IO;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>
/// A throwaway working directory holding a copy of the repository's catalogs under <c>catalogs/</c>,
/// to which a test adds the files it is about. Deleted on dispose.
/// </summary>
internal sealed class CatalogWorkspace : IDisposable
{
    private CatalogWorkspace(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>A workspace with <c>catalogs/</c> copied from the repository (valid as of 2026-11-23).</summary>
    public static CatalogWorkspace WithRepositoryCatalogs()
    {
        var workspace = Empty();
        CopyDirectory(RepositoryRoot.Catalogs, workspace.Combine("catalogs"));
        return workspace;
    }

    /// <summary>
    /// A workspace with the repository's catalogs copied to <c>test-catalogs/</c>, less any shipped sources catalogs
    /// (<c>catalogs/sources/</c>), plus the test-only log sources of <c>Fixtures/Sources/test-sources.yaml</c>: what the
    /// tests of <c>--source</c> pass with <c>--catalogs test-catalogs</c>.
    /// </summary>
    public static CatalogWorkspace WithTestSources()
    {
        var workspace = Empty();
        CopyDirectory(RepositoryRoot.Catalogs, workspace.Combine(SourceCatalogs), skip: System.IO.Path.Combine(RepositoryRoot.Catalogs, "sources"));
        workspace.AddFixture("Sources/test-sources.yaml", SourceCatalogs + "/sources/test-sources.yaml");
        return workspace;
    }

    /// <summary>Where <see cref="WithTestSources"/> puts the catalogs.</summary>
    public const string SourceCatalogs = "test-catalogs";

    public static CatalogWorkspace Empty()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidence-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new CatalogWorkspace(path);
    }

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Copies a file from the test's Fixtures folder to <paramref name="relativePath"/> in the workspace.</summary>
    public void AddFixture(string fixture, string relativePath) =>
        AddBytes(relativePath, File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)));

    public void AddText(string relativePath, string text) => AddBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void AddBytes(string relativePath, byte[] bytes)
    {
        string path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }

    private static void CopyDirectory(string source, string target, string? skip = null)
    {
        if (skip is not null && string.Equals(System.IO.Path.GetFullPath(source), System.IO.Path.GetFullPath(skip), StringComparison.Ordinal))
        {
            return;
        }

        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        foreach (string directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, System.IO.Path.Combine(target, System.IO.Path.GetFileName(directory)), skip);
        }
    }
}
