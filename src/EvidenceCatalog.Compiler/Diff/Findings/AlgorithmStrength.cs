using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>
/// Whether one algorithm, as the encryption inventory names it (free text: <c>AES-256-GCM</c>, <c>TLS 1.3</c>,
/// <c>RS256 (JWT)</c>), is weaker than another. Two rules, no guessing beyond them: a change to an algorithm that
/// NIST SP 800-131A or the IETF have deprecated (MD5, SHA-1, DES, 3DES, RC4, RC2, Blowfish, SSL, TLS 1.0 and 1.1),
/// or within one family (the leading letters) a smaller number (AES-256 to AES-128, TLS 1.3 to TLS 1.2, RS512 to RS256).
/// </summary>
internal static class AlgorithmStrength
{
    private static readonly (string Name, Regex Pattern)[] Deprecated =
    [
        ("MD5", Word("MD5")),
        ("SHA-1", Word("SHA-?1")),
        ("3DES", Word("(3DES|TDES|TDEA|TRIPLE-?DES|DES-?EDE3?)")),
        ("DES", Word("DES")),
        ("RC4", Word("(RC4|ARC4|ARCFOUR)")),
        ("RC2", Word("RC2")),
        ("Blowfish", Word("BLOWFISH")),
        ("SSL", Word("SSL ?(V?[23](\\.0)?)?")),
        ("TLS 1.0", Word("TLS ?(V?1(\\.0)?)")),
        ("TLS 1.1", Word("TLS ?V?1\\.1")),
    ];

    private static readonly Regex Versioned = new("^([A-Z]+)[ -]?V?([0-9]+(?:\\.[0-9]+)?)(?![0-9])", RegexOptions.CultureInvariant);

    /// <summary>Why <paramref name="after"/> is weaker than <paramref name="before"/>, or null when it is not known to be.</summary>
    public static string? Weakening(string before, string after)
    {
        string left = before.ToUpperInvariant().Trim();
        string right = after.ToUpperInvariant().Trim();
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return null;
        }

        string? deprecated = DeprecatedName(right);
        if (deprecated is not null && DeprecatedName(left) is null)
        {
            return deprecated + " is deprecated";
        }

        var l = Versioned.Match(left);
        var r = Versioned.Match(right);
        if (l.Success && r.Success && string.Equals(l.Groups[1].Value, r.Groups[1].Value, StringComparison.Ordinal)
            && decimal.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture) < decimal.Parse(l.Groups[2].Value, CultureInfo.InvariantCulture))
        {
            return "a smaller " + l.Groups[1].Value + " number";
        }

        return null;
    }

    private static string? DeprecatedName(string algorithm) => Deprecated.FirstOrDefault(d => d.Pattern.IsMatch(algorithm)).Name;

    /// <summary>The pattern as a whole word of the algorithm's name (not inside <c>AES</c>, and <c>TLS 1</c> not inside <c>TLS 1.3</c>).</summary>
    private static Regex Word(string pattern) => new("(?<![A-Z0-9])" + pattern + "(?![A-Z0-9]|\\.[0-9])", RegexOptions.CultureInvariant);
}
