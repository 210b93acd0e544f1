using System;
using System.IO;
using System.IO.Compression;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>Where a package's files go: a folder, or a zip written to a stream. Files are written one at a time.</summary>
public abstract class PackageTarget : IDisposable
{
    private protected PackageTarget()
    {
    }

    /// <summary>The files written into <paramref name="directory"/> (created if needed; files of the same name are replaced).</summary>
    public static PackageTarget Folder(string directory) => new FolderTarget(directory);

    /// <summary>A zip archive written to <paramref name="output"/> (left open), each entry stamped with <paramref name="timestamp"/>.</summary>
    public static PackageTarget Zip(Stream output, DateTimeOffset timestamp) => new ZipTarget(output, timestamp);

    /// <summary>A new file at <paramref name="name"/>; the caller disposes the stream before creating the next.</summary>
    internal abstract Stream Create(string name);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class FolderTarget : PackageTarget
    {
        private readonly string directory;

        public FolderTarget(string directory)
        {
            ArgumentException.ThrowIfNullOrEmpty(directory);
            this.directory = directory;
            Directory.CreateDirectory(directory);
        }

        internal override Stream Create(string name)
        {
            string path = Path.Combine(directory, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
    }

    private sealed class ZipTarget(Stream output, DateTimeOffset timestamp) : PackageTarget
    {
        private readonly ZipArchive archive = new(output ?? throw new ArgumentNullException(nameof(output)), ZipArchiveMode.Create, leaveOpen: true);

        internal override Stream Create(string name)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = timestamp;
            return entry.Open();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                archive.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
