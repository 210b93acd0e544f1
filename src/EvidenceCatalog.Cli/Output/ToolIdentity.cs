using System.Linq;
using System.Reflection;

namespace EvidenceCatalog.Cli.Output;

/// <summary>How the tool names itself in machine-readable output.</summary>
internal static class ToolIdentity
{
    public const string Name = "evidence";

    /// <summary>The product version (<c>0.1.0</c>), without the source-revision suffix the SDK may append.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The project's home page when the build declares one (<c>RepositoryUrl</c>), else null.</summary>
    public static string? InformationUri { get; } = typeof(ToolIdentity).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "RepositoryUrl" && !string.IsNullOrEmpty(a.Value))?.Value;

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
