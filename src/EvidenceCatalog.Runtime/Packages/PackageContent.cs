using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// A package as found, to be verified: a folder or a zip. Lists every file it holds (paths with <c>/</c>) without
/// trusting any of them, and says what cannot be a package file at all (a zip entry named twice or with an unsafe path,
/// a symbolic link in a folder). A zip is read in place, never extracted.
/// </summary>
public abstract class PackageContent : IDisposable
{
    private protected PackageContent()
    {
    }

    /// <summary>Every file, by path, ordinal order.</summary>
    public abstract IReadOnlyList<string> Files { get; }

    /// <summary>Entries that cannot be package files, each named with what is wrong.</summary>
    public IReadOnlyList<string> Problems { get; private protected set; } = [];

    /// <summary>Opens the folder, or the zip file, at <paramref name="path"/>.</summary>
    /// <exception cref="PackageFormatException">The path is neither a folder nor a readable zip archive.</exception>
    /// <exception cref="IOException">The path cannot be read.</exception>
    public static PackageContent Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new FolderContent(path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("'" + path + "' does not exist", path);
        }

        return new ZipContent(path);
    }

    /// <summary>The file at <paramref name="name"/>, for reading.</summary>
    public abstract Stream OpenRead(string name);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class FolderContent : PackageContent
    {
        private readonly string root;
        private readonly List<string> files = [];

        public FolderContent(string root)
        {
            this.root = Path.GetFullPath(root);
            var problems = new List<string>();
            Walk(new DirectoryInfo(this.root), problems);
            files.Sort(StringComparer.Ordinal);
            Problems = problems;
        }

        public override IReadOnlyList<string> Files => files;

        public override Stream OpenRead(string name)
        {
            string path = Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar));

            // A named pipe, socket or device reports no length and would block or never end if opened: read as empty, like an empty file.
            return new FileInfo(path).Length == 0
                ? new MemoryStream([], writable: false)
                : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }

        private void Walk(DirectoryInfo directory, List<string> problems)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                string name = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (entry.LinkTarget is not null)
                {
                    problems.Add(name + " is a symbolic link, which a package never holds");
                }
                else if (entry is DirectoryInfo child)
                {
                    Walk(child, problems);
                }
                else
                {
                    files.Add(name);
                }
            }
        }
    }

    private sealed class ZipContent : PackageContent
    {
        private readonly FileStream file;
        private readonly ZipArchive archive;
        private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.Ordinal);

        public ZipContent(string path)
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            try
            {
                archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException exception)
            {
                file.Dispose();
                throw new PackageFormatException("'" + path + "' is neither a folder nor a zip archive (" + exception.Message + ")", exception);
            }

            var problems = new List<string>();
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') && entry.Length == 0)
                {
                    continue; // a folder entry
                }

                if (PackagePath.Problem(entry.FullName) is { } problem)
                {
                    problems.Add("zip entry " + Quoted(entry.FullName) + " cannot be a package file: " + problem);
                }
                else if (!entries.TryAdd(entry.FullName, entry))
                {
                    problems.Add("zip entry " + entry.FullName + " appears twice: a reader could take either copy");
                }
            }

            Problems = problems;
            Files = entries.Keys.Order(StringComparer.Ordinal).ToArray();
        }

        public override IReadOnlyList<string> Files { get; }

        public override Stream OpenRead(string name) => entries[name].Open();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                archive.Dispose();
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private static string Quoted(string name) => System.Text.Json.JsonSerializer.Serialize(name);
    }
}

/// <summary>What was given as a package is neither a folder nor a readable zip archive.</summary>
public sealed class PackageFormatException(string message, Exception? inner = null) : IOException(message, inner);
