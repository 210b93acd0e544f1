using System.Runtime.InteropServices;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>Where the value a pointer names is in its record, as the one reader pass over the record found it.</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct FoundValue
{
    /// <summary>No value there.</summary>
    public static readonly FoundValue Absent = new(-1, 0, JsonTokenKind.Null, escaped: false);

    private FoundValue(int start, int length, JsonTokenKind kind, bool escaped)
    {
        Start = start;
        Length = length;
        Kind = kind;
        Escaped = escaped;
    }

    /// <summary>Where the value starts: a string's first byte after its quote, a container's bracket; -1 when absent.</summary>
    public int Start { get; }

    /// <summary>A scalar's length as written (a string's without its quotes, escapes not resolved); 0 for a container.</summary>
    public int Length { get; }

    public JsonTokenKind Kind { get; }

    /// <summary>A string with escapes to resolve.</summary>
    public bool Escaped { get; }

    public bool IsPresent => Start >= 0;

    /// <summary>A value found by <see cref="RecordScanner"/>, described as <see cref="At"/> describes the reader's.</summary>
    public static FoundValue Of(int start, int length, JsonTokenKind kind, bool escaped) => new(start, length, kind, escaped);

    /// <summary>The value the reader stands on.</summary>
    public static FoundValue At(ref readonly Utf8JsonReader reader)
    {
        int start = (int)reader.TokenStartIndex;
        return reader.TokenType switch
        {
            JsonTokenType.String => new(start + 1, reader.ValueSpan.Length, JsonTokenKind.String, reader.ValueIsEscaped),
            JsonTokenType.Number => new(start, reader.ValueSpan.Length, JsonTokenKind.Number, escaped: false),
            JsonTokenType.True => new(start, reader.ValueSpan.Length, JsonTokenKind.True, escaped: false),
            JsonTokenType.False => new(start, reader.ValueSpan.Length, JsonTokenKind.False, escaped: false),
            JsonTokenType.StartObject => new(start, 0, JsonTokenKind.Object, escaped: false),
            JsonTokenType.StartArray => new(start, 0, JsonTokenKind.Array, escaped: false),
            _ => new(start, reader.ValueSpan.Length, JsonTokenKind.Null, escaped: false),
        };
    }
}
