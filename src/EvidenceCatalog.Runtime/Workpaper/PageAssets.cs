using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceCatalog.Runtime.Workpaper;

/// <summary>
/// The page's one style sheet and one script, embedded in the assembly, and the content security policy that allows
/// exactly them (by SHA-256) and nothing else: no connection, no other script, no font, no image, no form.
/// </summary>
internal static class PageAssets
{
    public static string Style { get; } = Read("workpaper.css");

    public static string Script { get; } = Read("verify.js");

    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; script-src '" + Hash(Script) + "'; style-src '" + Hash(Style) + "'; base-uri 'none'; form-action 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Read(string name)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("EvidenceCatalog.Runtime.Workpaper.Assets." + name)
            ?? throw new InvalidOperationException("The workpaper asset " + name + " is not embedded in the assembly.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));

        // One line ending whatever the checkout did, so the hash and the page are the same bytes everywhere.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
