using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>XML documentation comment lines (without the <c>///</c>) from catalog text, escaped for XML.</summary>
internal static class XmlDoc
{
    /// <summary>A <c>summary</c>, and a <c>remarks</c> when <paramref name="remarks"/> has text.</summary>
    public static EquatableArray<string> Of(string summary, string? remarks = null)
    {
        var lines = new List<string>();
        Add(lines, "summary", summary);
        if (!string.IsNullOrWhiteSpace(remarks))
        {
            Add(lines, "remarks", remarks!);
        }

        return lines.ToEquatableArray();
    }

    private static void Add(List<string> lines, string tag, string text)
    {
        var body = Lines(text);
        if (body.Count <= 1)
        {
            lines.Add("<" + tag + ">" + (body.Count == 0 ? string.Empty : body[0]) + "</" + tag + ">");
            return;
        }

        lines.Add("<" + tag + ">");
        lines.AddRange(body.Select(l => l.Length == 0 ? "<para/>" : l));
        lines.Add("</" + tag + ">");
    }

    private static List<string> Lines(string text)
    {
        // Every character C# takes as a line break ends a comment line; runs of blank lines become one paragraph break.
        string[] raw = text.Replace("\r\n", "\n").Split('\n', '\r', '\u0085', '\u2028', '\u2029');
        var lines = new List<string>();
        foreach (string line in raw.Select(Escape))
        {
            if (line.Length > 0 || (lines.Count > 0 && lines[lines.Count - 1].Length > 0))
            {
                lines.Add(line);
            }
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static string Escape(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    // XML 1.0 allows no other control characters.
                    builder.Append(c < 0x20 && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}
