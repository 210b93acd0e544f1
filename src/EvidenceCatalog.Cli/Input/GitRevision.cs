using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Yaml;

namespace EvidenceCatalog.Cli.Input;

/// <summary>
/// A catalog folder as a git revision holds it, read with git itself (<c>git ls-tree</c>, <c>git cat-file --batch</c>):
/// no checkout, nothing written, the working tree untouched. Paths are those git prints, relative to the working
/// directory, so diagnostics and annotations name the files as <c>evidence validate</c> does.
/// </summary>
internal static class GitRevision
{
    private const string SymbolicLinkMode = "120000";

    /// <summary>
    /// The full commit id <paramref name="revision"/> names in the repository around <paramref name="workingDirectory"/>;
    /// else null, with <paramref name="problem"/> git's own message when git could not answer (not a repository, say).
    /// </summary>
    /// <exception cref="CommandInputException">git cannot be run.</exception>
    public static string? ResolveCommit(string workingDirectory, string revision, out string? problem)
    {
        var result = Git(workingDirectory, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], stdin: null);
        problem = result.ExitCode is 0 or 1 ? null : FirstLine(result.Stderr);
        return result.ExitCode == 0 ? Encoding.UTF8.GetString(result.Stdout).Trim() : null;
    }

    /// <summary>Every <c>*.yaml</c> and <c>*.yml</c> below <paramref name="folder"/> in <paramref name="commit"/>, decoded as files on disk are.</summary>
    /// <exception cref="CommandInputException">The revision holds no such folder, or git fails.</exception>
    public static DecodedSources ReadCatalogs(string workingDirectory, string revision, string commit, string folder, YamlLimits limits)
    {
        var listing = Git(workingDirectory, ["ls-tree", "-r", "-l", "-z", "--end-of-options", commit, "--", folder], stdin: null);
        if (listing.ExitCode != 0)
        {
            throw new CommandInputException($"git ls-tree {revision} failed: {FirstLine(listing.Stderr)}");
        }

        var entries = Encoding.UTF8.GetString(listing.Stdout).Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(TreeEntry.Parse).ToList();
        if (entries.Count == 0)
        {
            throw new CommandInputException($"revision '{revision}' has no folder '{folder}' (or it is empty); give the catalog folder with --catalogs DIR");
        }

        var files = ImmutableArray.CreateBuilder<SourceFile>();
        var diagnostics = ImmutableArray.CreateBuilder<CatalogDiagnostic>();
        var blobs = new List<TreeEntry>();
        foreach (var entry in entries.Where(e => IsYaml(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (entry.Mode == SymbolicLinkMode || entry.Type != "blob")
            {
                string what = entry.Mode == SymbolicLinkMode ? "a symbolic link" : "a " + entry.Type;
                diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.NotRegularFile, entry.Path, SourceSpan.FileStart, what + " in revision '" + revision + "'"));
            }
            else if (SourceDecoder.CheckSize(entry.Path, entry.Size, limits) is { } tooLarge)
            {
                diagnostics.Add(tooLarge);
            }
            else
            {
                blobs.Add(entry);
            }
        }

        foreach (var (entry, bytes) in blobs.Zip(ReadBlobs(workingDirectory, revision, blobs), (e, b) => (e, b)))
        {
            if (SourceDecoder.Decode(entry.Path, bytes, limits, out var diagnostic) is { } source)
            {
                files.Add(source);
            }
            else if (diagnostic is not null)
            {
                diagnostics.Add(diagnostic);
            }
        }

        return new DecodedSources(files.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>The blobs' contents, in order, from one <c>git cat-file --batch</c>.</summary>
    private static List<byte[]> ReadBlobs(string workingDirectory, string revision, List<TreeEntry> blobs)
    {
        if (blobs.Count == 0)
        {
            return [];
        }

        var result = Git(workingDirectory, ["cat-file", "--batch"], string.Concat(blobs.Select(b => b.ObjectId + "\n")));
        if (result.ExitCode != 0)
        {
            throw new CommandInputException($"git cat-file could not read the files of revision '{revision}': {FirstLine(result.Stderr)}");
        }

        // Each object comes as "<oid> blob <size>\n", its bytes, then "\n".
        var contents = new List<byte[]>(blobs.Count);
        int at = 0;
        byte[] output = result.Stdout;
        foreach (var blob in blobs)
        {
            int newline = Array.IndexOf(output, (byte)'\n', at);
            string[] header = newline < 0 ? [] : Encoding.ASCII.GetString(output, at, newline - at).Split(' ');
            if (header.Length != 3 || header[1] != "blob" || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out int size) || newline + 1 + size > output.Length)
            {
                throw new CommandInputException($"git cat-file gave an unexpected answer for '{blob.Path}' of revision '{revision}'");
            }

            contents.Add(output.AsSpan(newline + 1, size).ToArray());
            at = newline + 1 + size + 1;
        }

        return contents;
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(byte[] stderr) =>
        EvidenceCli.OneLine(Encoding.UTF8.GetString(stderr).Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "no message");

    private sealed record GitResult(int ExitCode, byte[] Stdout, byte[] Stderr);

    private static GitResult Git(string workingDirectory, IEnumerable<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain, predictable output whatever the user's configuration: no pager, no prompts, no localisation.
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CommandInputException("git could not be started");
        }
        catch (Win32Exception exception)
        {
            throw new CommandInputException("git is needed to read a revision and could not be run (" + EvidenceCli.OneLine(exception.Message) + "); install git, or give two folders", exception);
        }

        using (process)
        {
            var stdout = new MemoryStream();
            var stderr = new MemoryStream();
            var reading = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr));
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }

            reading.GetAwaiter().GetResult();
            process.WaitForExit();
            return new GitResult(process.ExitCode, stdout.ToArray(), stderr.ToArray());
        }
    }

    /// <summary>One line of <c>git ls-tree -l -z</c>: <c>mode type oid size\tpath</c>.</summary>
    private sealed record TreeEntry(string Mode, string Type, string ObjectId, long Size, string Path)
    {
        public static TreeEntry Parse(string line)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string[] fields = line[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long size = long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : 0;
            return new TreeEntry(fields[0], fields[1], fields[2], size, line[(tab + 1)..]);
        }
    }
}
