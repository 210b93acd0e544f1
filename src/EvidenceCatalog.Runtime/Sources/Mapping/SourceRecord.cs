using System;
using System.Runtime.CompilerServices;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// One record of a log source, read once: its text, and for each pointer the source reads (a slot of its
/// <see cref="PointerSet"/>) where the value found there is.
/// </summary>
internal readonly ref struct SourceRecord
{
    private readonly ReadOnlySpan<FoundValue> found;
    private readonly RecordScratch scratch;

    public SourceRecord(ReadOnlySpan<byte> json, ReadOnlySpan<FoundValue> found, RecordScratch scratch)
    {
        Json = json;
        this.found = found;
        this.scratch = scratch;
    }

    public ReadOnlySpan<byte> Json { get; }

    /// <summary>A string with escapes to resolve (reading its text can fail).</summary>
    public bool IsEscaped(int slot) => found[slot].Escaped;

    /// <summary>Present and not null.</summary>
    public bool Exists(int slot) => found[slot].IsPresent && found[slot].Kind != JsonTokenKind.Null;

    /// <summary>
    /// The text of a scalar: a string unescaped, a number or a boolean as written in the record. False for an absent
    /// value, null, an object or an array.
    /// </summary>
    /// <exception cref="CanonicalJsonException">A string escapes half of a UTF-16 surrogate pair.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryText(int slot, out ReadOnlySpan<byte> text)
    {
        text = default;
        var value = found[slot];
        if (!value.IsPresent)
        {
            return false;
        }

        switch (value.Kind)
        {
            case JsonTokenKind.String:
                text = Json.Slice(value.Start, value.Length);
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
                text = Json.Slice(value.Start, value.Length);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The most bytes the scalar's text can take (its length as written); 0 when it is no scalar or empty.</summary>
    public int LongestText(int slot)
    {
        var value = found[slot];
        return value.IsPresent && value.Kind is JsonTokenKind.String or JsonTokenKind.Number or JsonTokenKind.True or JsonTokenKind.False
            ? value.Length
            : 0;
    }

    /// <summary>Copies the scalar's text (a string unescaped) into <paramref name="destination"/>: its length, 0 when it is no scalar.</summary>
    /// <exception cref="CanonicalJsonException">A string escapes half of a UTF-16 surrogate pair.</exception>
    public int CopyText(int slot, Span<byte> destination)
    {
        if (LongestText(slot) == 0)
        {
            return 0;
        }

        var value = found[slot];
        var raw = Json.Slice(value.Start, value.Length);
        if (value.Kind == JsonTokenKind.String && value.Escaped)
        {
            return JsonStringText.Unescape(raw, destination, value.Start);
        }

        raw.CopyTo(destination);
        return raw.Length;
    }

    /// <summary>True when the slot holds a JSON number (not a string of digits).</summary>
    public bool IsNumber(int slot) => found[slot].IsPresent && found[slot].Kind == JsonTokenKind.Number;

    /// <summary>What the value at a slot is, in a word, for reasons: <c>missing</c>, <c>null</c>, <c>an object</c>, <c>an array</c>.</summary>
    public string Describe(int slot) => !found[slot].IsPresent ? "missing" : found[slot].Kind switch
    {
        JsonTokenKind.Null => "null",
        JsonTokenKind.Object => "an object",
        JsonTokenKind.Array => "an array",
        _ => "a value",
    };
}
