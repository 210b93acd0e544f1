using System;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>
/// A JSON text parsed once into a flat table of tokens that point back into the text, so that canonical output,
/// signature lookup and re-indenting all read the same parse without building objects or strings.
/// </summary>
internal sealed class JsonTokenTable
{
    /// <summary>Deep enough for any report; the limit keeps recursion bounded on hostile input.</summary>
    public const int MaxDepth = 256;

    private readonly JsonToken[] tokens;

    internal JsonTokenTable(JsonToken[] tokens, int count)
    {
        this.tokens = tokens;
        Count = count;
    }

    public int Count { get; }

    public ref readonly JsonToken this[int index] => ref tokens[index];

    /// <summary>Index of the token after <paramref name="index"/> and everything inside it.</summary>
    public int NextSibling(int index) => tokens[index].IsContainer ? tokens[index].Extent : index + 1;

    /// <summary>
    /// Parses <paramref name="json"/> as RFC 8259 JSON: one value, no comments or trailing commas, at most
    /// <see cref="MaxDepth"/> levels deep; a leading UTF-8 byte order mark is skipped. UTF-8 inside strings is checked
    /// later, when they are written.
    /// </summary>
    /// <exception cref="CanonicalJsonException">The text is not a single JSON value.</exception>
    public static JsonTokenTable Parse(ReadOnlySpan<byte> json) => new JsonScanner(json).Scan();

    /// <summary>The UTF-8 bytes of a scalar or name token as written (escapes not resolved).</summary>
    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> json, int index) => json.Slice(tokens[index].Start, tokens[index].Extent);

    /// <summary>The whole JSON text of the value at <paramref name="index"/> (quotes and brackets included), to hand a small part to another reader.</summary>
    public ReadOnlySpan<byte> ValueText(ReadOnlySpan<byte> json, int index)
    {
        ref readonly JsonToken token = ref tokens[index];
        switch (token.Kind)
        {
            case JsonTokenKind.String:
            case JsonTokenKind.PropertyName:
                return json.Slice(token.Start - 1, token.Extent + 2);
            case JsonTokenKind.Object:
            case JsonTokenKind.Array:
                // End bytes are not stored (they would cost every token four bytes); skipping finds this one.
                var reader = new Utf8JsonReader(json[token.Start..], new JsonReaderOptions { MaxDepth = MaxDepth });
                reader.Read();
                reader.Skip();
                return json.Slice(token.Start, (int)reader.BytesConsumed);
            default:
                return Raw(json, index);
        }
    }

    /// <summary>The unescaped UTF-8 of a string or name token: the text itself when it has no escapes, else decoded into <paramref name="space"/>.</summary>
    public ReadOnlySpan<byte> Text(ReadOnlySpan<byte> json, int index, ref byte[] space)
    {
        var raw = Raw(json, index);
        if (!tokens[index].Escaped)
        {
            return raw;
        }

        if (space.Length < raw.Length)
        {
            space = new byte[Math.Max(raw.Length, 256)];
        }

        return space.AsSpan(0, JsonStringText.Unescape(raw, space, tokens[index].Start));
    }

    /// <summary>Index of the value of the top-level member named <paramref name="utf8Name"/>, or -1 (also when the root is not an object).</summary>
    public int FindRootMember(ReadOnlySpan<byte> json, ReadOnlySpan<byte> utf8Name)
    {
        if (Count == 0 || tokens[0].Kind != JsonTokenKind.Object)
        {
            return -1;
        }

        for (int name = 1; name < tokens[0].Extent; name = NextSibling(name + 1))
        {
            if (JsonStringText.NameEquals(json, tokens[name], utf8Name))
            {
                return name + 1;
            }
        }

        return -1;
    }
}
