using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Cli.Input;

/// <summary>
/// A full path with every symbolic link in it resolved, as realpath(3) gives it, so that "is this inside the folder?"
/// compares real places. .NET resolves the link it is given (<see cref="FileSystemInfo.ResolveLinkTarget"/>), not the
/// links among the folders on the way, hence this walk.
/// </summary>
internal static class RealPath
{
    /// <summary>As Linux: a path that goes through more links than this loops.</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The real path of <paramref name="fullPath"/> (whose last parts need not exist), or null when its links loop.</summary>
    public static string? Of(string fullPath)
    {
        string current = Path.GetPathRoot(fullPath)!;
        var remaining = new Stack<string>(Parts(fullPath).Reverse());
        int links = 0;
        while (remaining.Count > 0)
        {
            string part = remaining.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // Go on from where the link points: its own parts first, then what was left after it.
            string absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            current = Path.GetPathRoot(absolute)!;
            foreach (string targetPart in Parts(absolute).Reverse())
            {
                remaining.Push(targetPart);
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both real paths).</summary>
    public static bool IsWithin(string path, string folder) =>
        string.Equals(path, folder, PathComparison) ||
        path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, PathComparison);

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static IEnumerable<string> Parts(string path) =>
        path.Substring(Path.GetPathRoot(path)!.Length).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
