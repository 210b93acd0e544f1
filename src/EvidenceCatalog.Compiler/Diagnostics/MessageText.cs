using System.Globalization;
using System.Text;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>
/// Keeps a diagnostic message on one line whatever the file holds: a YAML key or value (or a library's error text) may
/// carry CR, LF, TAB or other control characters, which would break <c>file(line,col): error ECxxxx: message</c> in
/// every output. They are written visibly instead, the way C# writes them in a string literal.
/// </summary>
internal static class MessageText
{
    public static string Escape(string message)
    {
        int first = 0;
        while (first < message.Length && !IsControl(message[first]))
        {
            first++;
        }

        if (first == message.Length)
        {
            return message;
        }

        var escaped = new StringBuilder(message.Length + 16).Append(message, 0, first);
        for (int i = first; i < message.Length; i++)
        {
            char c = message[i];
            switch (c)
            {
                case '\r': escaped.Append("\\r"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\t': escaped.Append("\\t"); break;
                case '\0': escaped.Append("\\0"); break;
                default:
                    if (IsControl(c))
                    {
                        escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>C0 controls, DEL, C1 controls (NEL among them) and the Unicode line and paragraph separators: all that a terminal or a log parser may take for a line break or a command.</summary>
    private static bool IsControl(char c) => c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029';
}
