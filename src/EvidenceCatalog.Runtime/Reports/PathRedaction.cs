using System;
using System.Text.RegularExpressions;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// Takes absolute paths out of a message that leaves the machine (a degraded section's reason inside a signed report,
/// an answer to a server's caller): each becomes its last segment, the file name, which is what a reader can use.
/// Exception messages name files by their full path (<c>Could not find file '/srv/evidence/access/acme.json'</c>),
/// and a report or an answer must never show how the machine that made it is laid out.
/// </summary>
public static partial class PathRedaction
{
    /// <summary><paramref name="text"/> with every absolute path (Unix, Windows drive or UNC) replaced by its last segment.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbsolutePath().Replace(text, match =>
        {
            string path = match.Value.TrimEnd('/', '\\');
            int cut = path.LastIndexOfAny(['/', '\\']);
            string last = cut < 0 ? path : path[(cut + 1)..];
            return last.Length == 0 || last.EndsWith(':') ? "(a path)" : last;
        });
    }

    // A path starts with a folder below the root ("/srv/"), a drive ("C:\") or a share ("\\host"), after no word
    // character, dot, colon or slash (so URLs, relative paths, "and/or" and routes like /healthz stay), and runs to
    // white space, a quote or a bracket.
    [GeneratedRegex(@"(?<![\w.:/\\~-])(?:/[^\s'""`()<>\[\]{},;/]+/|[A-Za-z]:[\\/]|\\\\)[^\s'""`()<>\[\]{},;]*", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
