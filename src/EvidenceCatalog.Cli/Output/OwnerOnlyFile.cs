using System;
using System.IO;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Files only their owner may read (mode 0600 on Unix): private keys, plain tokens.</summary>
internal static class OwnerOnlyFile
{
    /// <summary>Replaces the file with <paramref name="text"/>; it is owner-only from its creation, never readable by others in between.</summary>
    public static void WriteAllText(string path, string text)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(text);
    }
}
