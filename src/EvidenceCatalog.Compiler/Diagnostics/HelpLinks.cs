using System;
using System.Linq;
using System.Reflection;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>
/// Where the help pages live: under the repository the build names (<c>RepositoryUrl</c> in Directory.Build.props, which
/// the SDK writes into every assembly as <see cref="AssemblyMetadataAttribute"/>), so that a fork changes it in one place.
/// </summary>
public static class HelpLinks
{
    /// <summary>The repository's address, without a trailing slash (<c>https://github.com/evidencecatalog/evidencecatalog</c>).</summary>
    public static string RepositoryUrl { get; } = ReadRepositoryUrl();

    /// <summary>The absolute address of a file of the repository's main branch, given its path from the repository root.</summary>
    public static string PageAt(string relativePath) => RepositoryUrl + "/blob/main/" + relativePath;

    private static string ReadRepositoryUrl()
    {
        string? url = typeof(HelpLinks).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value;
        return string.IsNullOrEmpty(url)
            ? throw new InvalidOperationException("EvidenceCatalog.Compiler was built without a RepositoryUrl (set it in Directory.Build.props); diagnostics have no help link.")
            : url!.TrimEnd('/');
    }
}
