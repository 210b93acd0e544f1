using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Looks up a diagnostic id's descriptor, and names rules the way SARIF viewers show them.</summary>
internal static class DiagnosticRules
{
    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ById =
        DiagnosticDescriptors.All.ToFrozenDictionary(d => d.Id, System.StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="id"/>, or null for an id this build of the CLI does not know.</summary>
    public static DiagnosticDescriptor? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The help page of <paramref name="id"/>, relative to the repository root.</summary>
    public static string HelpPath(string id) => Find(id)?.HelpPath ?? "docs/diagnostics/" + id + ".md";

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
