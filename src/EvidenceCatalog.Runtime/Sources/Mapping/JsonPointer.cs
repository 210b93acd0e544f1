using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// A JSON pointer (RFC 6901) split into its reference tokens, each unescaped (<c>~1</c> is <c>/</c>, <c>~0</c> is
/// <c>~</c>) and kept as UTF-8 for comparison with member names as they are written in a record. A token of digits
/// without a leading zero (or <c>0</c> itself) also names an array element.
/// </summary>
internal sealed class JsonPointer : IEquatable<JsonPointer>
{
    private JsonPointer(string text, byte[][] names, int[] indexes)
    {
        Text = text;
        Names = names;
        Indexes = indexes;
    }

    /// <summary>The pointer as written: <c>/userIdentity/arn</c>; empty for the whole record.</summary>
    public string Text { get; }

    /// <summary>The reference tokens, unescaped, in UTF-8.</summary>
    public byte[][] Names { get; }

    /// <summary>Per token, the array index it names, or -1 when it is no index.</summary>
    public int[] Indexes { get; }

    /// <summary>Parses a pointer.</summary>
    /// <exception cref="FormatException">It is not an RFC 6901 pointer (no leading <c>/</c>, or a <c>~</c> not followed by 0 or 1).</exception>
    public static JsonPointer Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new JsonPointer(text, [], []);
        }

        if (text[0] != '/')
        {
            throw new FormatException($"'{text}' is not a JSON pointer: it must be empty or start with '/'");
        }

        var names = new List<byte[]>();
        var indexes = new List<int>();
        foreach (string raw in text[1..].Split('/'))
        {
            string token = Unescape(raw, text);
            names.Add(Encoding.UTF8.GetBytes(token));
            indexes.Add(IndexOf(token));
        }

        return new JsonPointer(text, names.ToArray(), indexes.ToArray());
    }

    public bool Equals(JsonPointer? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as JsonPointer);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    private static string Unescape(string token, string pointer)
    {
        int tilde = token.IndexOf('~', StringComparison.Ordinal);
        if (tilde < 0)
        {
            return token;
        }

        var text = new StringBuilder(token.Length);
        for (int i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                text.Append(token[i]);
                continue;
            }

            // ~1 before ~0, as RFC 6901 orders it, so that "~01" is "~1" and not "/".
            char next = i + 1 < token.Length ? token[i + 1] : '\0';
            text.Append(next switch
            {
                '0' => '~',
                '1' => '/',
                _ => throw new FormatException($"'{pointer}' is not a JSON pointer: '~' must be followed by 0 or 1 ('~0' is '~', '~1' is '/')"),
            });
            i++;
        }

        return text.ToString();
    }

    private static int IndexOf(string token)
    {
        bool digits = token.Length > 0 && token.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && (token.Length == 1 || token[0] != '0');
        return digits && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : -1;
    }
}
