using System.Reflection;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>How the tool names itself in machine-readable output.</summary>
internal static class ToolIdentity
{
    public const string Name = "evidence";

    /// <summary>The product version (<c>0.1.0</c>), without the source-revision suffix the SDK may append.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The project's home page: the repository the build names (see <see cref="HelpLinks"/>).</summary>
    public static string InformationUri => HelpLinks.RepositoryUrl;

    private static string ReadVersion()
    {
        string? version = typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return "0.0.0";
        }

        int plus = version.IndexOf('+', System.StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
