using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Input;

/// <summary>The files found, sorted by display path, and a diagnostic for each entry refused on the way.</summary>
internal sealed record Discovery(ImmutableArray<DiscoveredFile> Files, ImmutableArray<CatalogDiagnostic> Refused);

/// <summary>
/// One search for catalog (or schema) files, walked folder by folder so that no link is followed blindly: git stores
/// symbolic links, so a pull request can add a link to <c>/dev/zero</c>, to a folder outside, or to a folder that contains
/// the link (a loop that once ran <c>evidence validate</c> past 60 s and 4 GB). A link to a folder is never followed: when
/// it points inside the folder searched, its files are found where they really are; when it points at a folder containing
/// it, or outside, it is reported. A link to a file is read only when the file is inside the folder searched, and only
/// regular files are taken (<see cref="FileTypes"/>).
/// </summary>
internal sealed class FolderSearch
{
    private readonly string workingDirectory;
    private readonly Func<string, bool> wanted;
    private readonly Dictionary<string, DiscoveredFile> files = new(StringComparer.Ordinal);
    private readonly List<CatalogDiagnostic> refused = new();

    /// <param name="workingDirectory">What display paths are relative to.</param>
    /// <param name="wanted">Whether a file name is one the search is for (<c>*.yaml</c>, <c>*.json</c>).</param>
    public FolderSearch(string workingDirectory, Func<string, bool> wanted)
    {
        this.workingDirectory = workingDirectory;
        this.wanted = wanted;
    }

    /// <summary>A file named on the command line: taken wherever it is (links followed), if it is a regular file.</summary>
    public void AddFile(string fullPath)
    {
        var type = FileTypes.Of(fullPath);
        if (type is FileType.Regular or FileType.EmptyOrSpecial)
        {
            Add(fullPath);
        }
        else
        {
            Refuse(DiagnosticDescriptors.NotRegularFile, fullPath, FileTypes.InWords(type));
        }
    }

    /// <summary>Every wanted file in <paramref name="folder"/>, and below it when <paramref name="recursive"/>.</summary>
    public void Search(string folder, bool recursive)
    {
        string root = RealPath.Of(folder) ?? folder;
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((folder, root));
        while (pending.Count > 0)
        {
            var (directory, real) = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null)
                {
                    Link(entry, real, root, recursive);
                }
                else if (entry is DirectoryInfo)
                {
                    if (recursive)
                    {
                        pending.Push((entry.FullName, Path.Combine(real, entry.Name)));
                    }
                }
                else if (wanted(entry.Name))
                {
                    AddFile(entry.FullName);
                }
            }
        }
    }

    public Discovery Result() => new([.. files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal)], [.. refused]);

    private void Link(FileSystemInfo link, string folder, string root, bool recursive)
    {
        if (RealPath.Of(link.FullName) is not { } target)
        {
            Refuse(DiagnosticDescriptors.LinkLoop, link.FullName, "goes round a chain of links that point at each other");
            return;
        }

        var type = FileTypes.Of(target);
        if (type == FileType.Directory)
        {
            if (!recursive)
            {
                return;
            }

            if (RealPath.IsWithin(folder, target))
            {
                Refuse(DiagnosticDescriptors.LinkLoop, link.FullName, "leads back to '" + Display(target) + "', a folder that contains it");
            }
            else if (!RealPath.IsWithin(target, root))
            {
                Refuse(DiagnosticDescriptors.LinkLeavesFolder, link.FullName, Display(target), Display(root));
            }

            return;
        }

        if (!wanted(link.Name))
        {
            return;
        }

        if (type == FileType.Missing)
        {
            Refuse(DiagnosticDescriptors.NotRegularFile, link.FullName, "a symbolic link to '" + Display(target) + "', which does not exist");
        }
        else if (type is not (FileType.Regular or FileType.EmptyOrSpecial))
        {
            Refuse(DiagnosticDescriptors.NotRegularFile, link.FullName, "a symbolic link to " + FileTypes.InWords(type) + " ('" + Display(target) + "')");
        }
        else if (!RealPath.IsWithin(target, root))
        {
            Refuse(DiagnosticDescriptors.LinkLeavesFolder, link.FullName, Display(target), Display(root));
        }
        else
        {
            Add(link.FullName);
        }
    }

    private void Add(string fullPath) => files.TryAdd(fullPath, new DiscoveredFile(fullPath, Display(fullPath)));

    private void Refuse(CatalogDiagnosticDescriptor descriptor, string fullPath, params object?[] args) =>
        refused.Add(CatalogDiagnostic.Create(descriptor, Display(fullPath), SourceSpan.FileStart, args));

    private string Display(string fullPath) => DisplayPath.For(fullPath, workingDirectory);
}
