namespace EvidenceCatalog.Compiler.Schema;

/// <summary>
/// Says exactly what is wrong with a JSON pointer (RFC 6901) or a template (text with <c>{POINTER}</c> placeholders,
/// <c>{{</c> and <c>}}</c> for literal braces), and where. The schemas write the same syntax as a <c>pattern</c>, which
/// editors check as you type; a pattern can only say that the whole value is wrong, so the validator asks this
/// instead when a value fails one of these two patterns (a test proves the two agree on every short string).
/// </summary>
internal static class PointerSyntax
{
    /// <summary>The <c>pattern</c> of a JSON pointer in the schemas: empty, or <c>/</c> before each reference token.</summary>
    public const string PointerPattern = "^(/([^/~]|~[01])*)*$";

    /// <summary>The <c>pattern</c> of a template in the schemas: literal text, <c>{{</c>, <c>}}</c> and placeholders holding a non-empty pointer.</summary>
    public const string TemplatePattern = @"^([^{}]|\{\{|\}\}|\{(/([^/~{}]|~[01])*)+\})+$";

    /// <summary>What is wrong with a value, at which character of it (0-based), and what it was meant to be.</summary>
    public sealed record Problem(int Index, string Syntax, string Reason);

    /// <summary>
    /// The first problem of <paramref name="value"/> when <paramref name="pattern"/> is one of the two patterns above,
    /// else null (also when the value is well formed).
    /// </summary>
    public static Problem? Explain(string? pattern, string value) => pattern switch
    {
        PointerPattern => ExplainPointer(value),
        TemplatePattern => ExplainTemplate(value),
        _ => null,
    };

    public static Problem? ExplainPointer(string value)
    {
        if (value.Length > 0 && value[0] != '/')
        {
            return new Problem(0, "JSON pointer", "a pointer starts with '/' before each member name ('/" + value + "'), or is empty for the whole record");
        }

        int escape = BadEscape(value, 0, value.Length);
        return escape < 0 ? null : new Problem(escape, "JSON pointer", EscapeReason(value, escape));
    }

    public static Problem? ExplainTemplate(string value)
    {
        const string Syntax = "template";
        if (value.Length == 0)
        {
            return new Problem(0, Syntax, "a template holds text, placeholders such as {/eventName}, or both");
        }

        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            if ((c == '{' || c == '}') && i + 1 < value.Length && value[i + 1] == c)
            {
                i += 2;
                continue;
            }

            if (c == '}')
            {
                return new Problem(i, Syntax, "this '}' closes no placeholder; write '}}' for a literal brace");
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            int close = value.IndexOfAny(new[] { '{', '}' }, i + 1);
            if (close < 0)
            {
                return new Problem(i, Syntax, "this '{' opens a placeholder that is not closed; close it with '}', or write '{{' for a literal brace");
            }

            if (value[close] == '{')
            {
                return new Problem(close, Syntax, "this '{' stands inside the placeholder opened before it, which is not closed; close that one with '}' first");
            }

            string pointer = value.Substring(i + 1, close - i - 1);
            if (pointer.Length == 0)
            {
                return new Problem(i, Syntax, "the placeholder '{}' names no field; write a JSON pointer in it, such as {/eventName}");
            }

            if (pointer[0] != '/')
            {
                return new Problem(i + 1, Syntax, "the placeholder '{" + pointer + "}' does not hold a JSON pointer, which starts with '/' ({/" + pointer + "})");
            }

            int escape = BadEscape(value, i + 1, close);
            if (escape >= 0)
            {
                return new Problem(escape, Syntax, EscapeReason(value, escape));
            }

            i = close + 1;
        }

        return null;
    }

    /// <summary>The index of the first '~' in [start, end) of <paramref name="value"/> that is not ~0 or ~1, else -1.</summary>
    private static int BadEscape(string value, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (value[i] == '~' && (i + 1 >= end || (value[i + 1] != '0' && value[i + 1] != '1')))
            {
                return i;
            }
        }

        return -1;
    }

    private static string EscapeReason(string value, int tilde)
    {
        string written = tilde + 1 < value.Length && value[tilde + 1] != '}' ? "'~" + value[tilde + 1] + "' is" : "a '~' alone is";
        return written + " not an escape: inside a name, write ~0 for '~' and ~1 for '/'";
    }
}
