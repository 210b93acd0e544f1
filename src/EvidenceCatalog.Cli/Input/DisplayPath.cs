using System;
using System.IO;

namespace EvidenceCatalog.Cli.Input;

/// <summary>How a file is named in diagnostics: relative to the working directory with forward slashes when under it, else its full path.</summary>
internal static class DisplayPath
{
    public static string For(string fullPath, string workingDirectory)
    {
        string relative = Path.GetRelativePath(workingDirectory, fullPath);
        bool outside = Path.IsPathRooted(relative)
            || relative == ".."
            || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("../", StringComparison.Ordinal);
        return outside ? fullPath : relative.Replace('\\', '/');
    }
}
