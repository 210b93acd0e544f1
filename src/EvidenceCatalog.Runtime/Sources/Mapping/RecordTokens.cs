using System;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Parses one record into the token table the canonical writer and the pointer walk read, with
/// <see cref="Utf8JsonReader"/> into a table reused from record to record. Not the canonicalizer's own scanner: that one
/// is tuned for a single large report parsed cold, and on a million small CloudTrail records it took about 2.5 times as
/// long as the reader (bench <c>map --breakdown</c>, bench/README.md), which tiered compilation optimises as it runs.
/// Strings are marked escaped as the reader says; none is marked non-ASCII, because the mapper checks the whole record
/// as UTF-8 before anything reads a string's text.
/// </summary>
internal static class RecordTokens
{
    /// <summary>The tokens of <paramref name="json"/>, one JSON value, at most <paramref name="maxDepth"/> levels deep.</summary>
    /// <exception cref="JsonException">The text is not one JSON value, or is nested too deeply.</exception>
    public static JsonTokenTable Parse(ReadOnlySpan<byte> json, ref JsonToken[] tokens, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        Span<int> open = stackalloc int[maxDepth + 1];
        int depth = 0;
        int count = 0;
        while (reader.Read())
        {
            if (count == tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
            }

            var type = reader.TokenType;
            int start = (int)reader.TokenStartIndex;
            switch (type)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    open[depth++] = count;
                    tokens[count++] = new JsonToken { Start = start, Kind = type == JsonTokenType.StartObject ? JsonTokenKind.Object : JsonTokenKind.Array };
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    tokens[open[--depth]].Extent = count;
                    break;
                case JsonTokenType.PropertyName or JsonTokenType.String:
                    tokens[count++] = new JsonToken
                    {
                        Start = start + 1,
                        Extent = reader.ValueSpan.Length,
                        Kind = type == JsonTokenType.String ? JsonTokenKind.String : JsonTokenKind.PropertyName,
                        Flags = reader.ValueIsEscaped ? JsonTokenFlags.Escaped : JsonTokenFlags.None,
                    };
                    break;
                default:
                    tokens[count++] = new JsonToken
                    {
                        Start = start,
                        Extent = reader.ValueSpan.Length,
                        Kind = type switch
                        {
                            JsonTokenType.Number => JsonTokenKind.Number,
                            JsonTokenType.True => JsonTokenKind.True,
                            JsonTokenType.False => JsonTokenKind.False,
                            _ => JsonTokenKind.Null,
                        },
                    };
                    break;
            }
        }

        return new JsonTokenTable(tokens, count);
    }
}
