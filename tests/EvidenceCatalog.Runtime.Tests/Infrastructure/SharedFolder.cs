using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Tests.Infrastructure;

/// <summary>
/// A folder of the shared material beside the checkout (<c>shared/…</c>), found by walking up from the test binaries,
/// since CI clones the repository under another name next to it.
/// </summary>
internal static class SharedFolder
{
    /// <summary>The folder <c>shared/<paramref name="relative"/></c> of the nearest ancestor that has it, or null.</summary>
    public static string? Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
