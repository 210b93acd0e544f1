using System;
using System.IO;
using EvidenceCatalog.Cli.Commands;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Writes an output through a temporary file renamed into place, so a failed run never leaves half a file behind.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="outputPath"/> (or standard output for <c>-</c>); returns the full path written, or <c>-</c>.</summary>
    public static string Write(CommandContext context, string outputPath, Action<Stream> write)
    {
        if (outputPath == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            return "-";
        }

        return Write(CommandOptions.FullPath(context, outputPath), write);
    }

    /// <summary>Writes the file at the full path <paramref name="path"/>, making its folder when missing; returns the path.</summary>
    public static string Write(string path, Action<Stream> write)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
