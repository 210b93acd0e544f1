using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>Turns catalog ids into C# identifiers. Pure functions of the id: the same id always gives the same name.</summary>
internal static class CSharpIdentifier
{
    /// <summary>
    /// PascalCase from kebab, dotted or colon ids: every run of characters that cannot be part of an identifier
    /// separates words, and each word starts upper-case (<c>policy.decision</c> → <c>PolicyDecision</c>,
    /// <c>audit:read</c> → <c>AuditRead</c>, <c>byok-key-encryption</c> → <c>ByokKeyEncryption</c>).
    /// </summary>
    public static string Pascal(string id)
    {
        var builder = new StringBuilder(id.Length);
        bool startWord = true;
        foreach (char c in id)
        {
            if (c == '_' || !SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                startWord = true;
                continue;
            }

            builder.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        return Finish(builder);
    }

    /// <summary>The id with its case kept and every character that cannot be in an identifier made <c>_</c> (<c>CC6.1</c> → <c>CC6_1</c>, <c>IAM-01</c> → <c>IAM_01</c>).</summary>
    public static string KeepCase(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (char c in id)
        {
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) && !char.IsControl(c) ? c : '_');
        }

        return Finish(builder);
    }

    private static string Finish(StringBuilder builder)
    {
        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string name = builder.ToString();
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.UnderscoreToken ? "@" + name : name;
    }
}
