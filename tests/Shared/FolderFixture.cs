using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>
/// A diagnostic fixture whose catalogs folder is made at run time, as a pull request could make it: a copy of the sample
/// catalogs in <c>catalogs/</c> plus a symbolic link (<c>#! symlink=PATH-&gt;TARGET</c>) or a named pipe
/// (<c>#! fifo=PATH</c>), which are not kept in the repository (git cannot store a pipe, and a link loop would trouble
/// every tool that walks the tree). It is checked by <c>evidence validate catalogs</c>, as a user runs it, within a deadline.
/// </summary>
internal static class FolderFixture
{
    /// <summary>The diagnostic lines <c>evidence validate</c> prints for the fixture (the summary line left out).</summary>
    public static string[] Validate(DiagnosticFixture fixture)
    {
        string workspace = Path.Combine(Path.GetTempPath(), "evidence-folder-fixture", Guid.NewGuid().ToString("N"));
        try
        {
            Make(fixture, workspace);
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            int exitCode = Bounded.Within(() => EvidenceCli.Run(["validate", "catalogs", "--as-of", fixture.AsOf.ToString()], stdout, stderr, workspace));
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return exitCode is 0 or 1 && stderr.ToString().Length == 0
                ? lines[..^1]
                : throw new InvalidOperationException("evidence validate exited " + exitCode + ": " + stderr);
        }
        finally
        {
            // Deleting does not follow links: the loop and the link to /dev/zero go, their targets stay.
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static void Make(DiagnosticFixture fixture, string workspace)
    {
        string catalogs = Path.Combine(DiagnosticFixture.RepositoryRoot, "catalogs");
        foreach (string file in Directory.EnumerateFiles(catalogs, "*", SearchOption.AllDirectories).Where(_ => fixture.WithSampleCatalogs))
        {
            string copy = Path.Combine(workspace, "catalogs", Path.GetRelativePath(catalogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        if (fixture.Options.TryGetValue("symlink", out var link))
        {
            string[] parts = link.Split("->", 2);
            string path = Path.Combine(workspace, parts[0]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, parts[1]);
        }

        if (fixture.Options.TryGetValue("fifo", out var fifo))
        {
            MakeNamedPipe(Path.Combine(workspace, fifo));
        }
    }

    /// <summary>A named pipe (FIFO) at <paramref name="path"/>. .NET has no mkfifo; the command is POSIX.</summary>
    public static void MakeNamedPipe(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException("mkfifo " + path + " failed");
        }
    }
}
