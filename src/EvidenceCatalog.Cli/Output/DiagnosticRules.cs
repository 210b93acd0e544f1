using System.Text;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Help paths of diagnostic ids, and rule names the way SARIF viewers show them.</summary>
internal static class DiagnosticRules
{
    /// <summary>The help page of <paramref name="id"/>, relative to the repository root.</summary>
    public static string HelpPath(string id) => DiagnosticDescriptors.Find(id)?.HelpPath ?? "docs/diagnostics/" + id + ".md";

    /// <summary><c>Unknown property</c> → <c>UnknownProperty</c>; <c>$ref does not resolve</c> → <c>RefDoesNotResolve</c>.</summary>
    public static string PascalCase(string title)
    {
        var name = new StringBuilder(title.Length);
        bool startOfWord = true;
        foreach (char c in title)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return name.ToString();
    }
}
