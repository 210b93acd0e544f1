using System;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// One record of a log source, parsed once: its text, its tokens, and for each pointer the source reads (a slot of its
/// <see cref="PointerSet"/>) the token of the value found there, or -1.
/// </summary>
internal readonly ref struct SourceRecord
{
    private readonly ReadOnlySpan<int> found;
    private readonly RecordScratch scratch;

    public SourceRecord(ReadOnlySpan<byte> json, JsonTokenTable tokens, ReadOnlySpan<int> found, RecordScratch scratch)
    {
        Json = json;
        Tokens = tokens;
        this.found = found;
        this.scratch = scratch;
    }

    public ReadOnlySpan<byte> Json { get; }

    public JsonTokenTable Tokens { get; }

    /// <summary>Present and not null.</summary>
    public bool Exists(int slot) => found[slot] >= 0 && Tokens[found[slot]].Kind != JsonTokenKind.Null;

    /// <summary>Present at all (null included).</summary>
    public bool IsPresent(int slot) => found[slot] >= 0;

    /// <summary>The token at the slot's pointer; -1 when absent.</summary>
    public int Token(int slot) => found[slot];

    /// <summary>
    /// The text of a scalar: a string unescaped, a number or a boolean as written in the record. False for an absent
    /// value, null, an object or an array.
    /// </summary>
    /// <exception cref="CanonicalJsonException">A string escapes half of a UTF-16 surrogate pair.</exception>
    public bool TryText(int slot, out ReadOnlySpan<byte> text)
    {
        text = default;
        int token = found[slot];
        if (token < 0)
        {
            return false;
        }

        ref readonly var value = ref Tokens[token];
        switch (value.Kind)
        {
            case JsonTokenKind.String:
                text = Json.Slice(value.Start, value.Extent);
                if (value.Escaped)
                {
                    // Unescaped text is never longer than the escaped.
                    var room = scratch.Take(text.Length);
                    int length = JsonStringText.Unescape(text, room, value.Start);
                    scratch.Return(room.Length - length);
                    text = room[..length];
                }

                return true;
            case JsonTokenKind.Number or JsonTokenKind.True or JsonTokenKind.False:
                text = Json.Slice(value.Start, value.Extent);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The most bytes the scalar's text can take (its length as written); 0 when it is no scalar or empty.</summary>
    public int LongestText(int slot)
    {
        int token = found[slot];
        return token >= 0 && Tokens[token].Kind is JsonTokenKind.String or JsonTokenKind.Number or JsonTokenKind.True or JsonTokenKind.False
            ? Tokens[token].Extent
            : 0;
    }

    /// <summary>Copies the scalar's text (a string unescaped) into <paramref name="destination"/>: its length, 0 when it is no scalar.</summary>
    /// <exception cref="CanonicalJsonException">A string escapes half of a UTF-16 surrogate pair.</exception>
    public int CopyText(int slot, Span<byte> destination)
    {
        int token = found[slot];
        if (LongestText(slot) == 0)
        {
            return 0;
        }

        ref readonly var value = ref Tokens[token];
        var raw = Json.Slice(value.Start, value.Extent);
        if (value.Kind == JsonTokenKind.String && value.Escaped)
        {
            return JsonStringText.Unescape(raw, destination, value.Start);
        }

        raw.CopyTo(destination);
        return raw.Length;
    }

    /// <summary>True when the slot holds a JSON number (not a string of digits).</summary>
    public bool IsNumber(int slot) => found[slot] >= 0 && Tokens[found[slot]].Kind == JsonTokenKind.Number;

    /// <summary>What the value at a slot is, in a word, for reasons: <c>missing</c>, <c>null</c>, <c>an object</c>, <c>an array</c>.</summary>
    public string Describe(int slot) => found[slot] < 0 ? "missing" : Tokens[found[slot]].Kind switch
    {
        JsonTokenKind.Null => "null",
        JsonTokenKind.Object => "an object",
        JsonTokenKind.Array => "an array",
        _ => "a value",
    };
}
