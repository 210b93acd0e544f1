using System;
using System.IO;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// One input of events (gzip recognised by its magic bytes): a file, standard input, or any stream; JSON Lines, or one
/// JSON array of events when its <see cref="Container"/> says so.
/// </summary>
public sealed class JsonLinesInput
{
    private readonly Func<Stream> open;

    private JsonLinesInput(string name, Func<Stream> open, long? size, EventContainer container = EventContainer.JsonLines)
    {
        Name = name;
        this.open = open;
        Size = size;
        Container = container;
    }

    /// <summary>How reports, rejections and summaries name the input (never an absolute path outside the working directory).</summary>
    public string Name { get; }

    /// <summary>Bytes to read, for progress; null when unknown.</summary>
    public long? Size { get; }

    /// <summary>How the input holds its records: JSON Lines, or one JSON array.</summary>
    public EventContainer Container { get; }

    /// <summary>A file, named by its path relative to <paramref name="workingDirectory"/> when it lies below it, else by its file name.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static JsonLinesInput File(string path, string? workingDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string baseDirectory = workingDirectory ?? Environment.CurrentDirectory;
        string full = Path.GetFullPath(path, baseDirectory);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"events file '{path}' does not exist", path);
        }

        return new JsonLinesInput(
            NameOf(full, baseDirectory),
            () => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            info.Length);
    }

    /// <summary>A stream, opened when the input is read; the source disposes it.</summary>
    public static JsonLinesInput Stream(string name, Func<Stream> open, long? size = null, EventContainer container = EventContainer.JsonLines)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(open);
        return new JsonLinesInput(name, open, size, container);
    }

    /// <summary>
    /// The name a report gives a file: its path relative to <paramref name="workingDirectory"/> with forward slashes
    /// when it lies below it, else its file name alone.
    /// </summary>
    public static string NameOf(string fullPath, string workingDirectory)
    {
        string relative = Path.GetRelativePath(workingDirectory, fullPath);
        bool outside = Path.IsPathRooted(relative) || relative == ".."
            || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("../", StringComparison.Ordinal);
        return outside ? Path.GetFileName(fullPath) : relative.Replace('\\', '/');
    }

    internal Stream Open() => open();
}
