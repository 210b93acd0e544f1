using System.Runtime.InteropServices;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>One value or member name of a parsed JSON text, as offsets into the text (12 bytes, so a large report stays affordable).</summary>
[StructLayout(LayoutKind.Auto)]
internal struct JsonToken
{
    /// <summary>Byte offset of the value: after the opening quote for strings and names, the first byte otherwise.</summary>
    public int Start;

    /// <summary>For scalars and names the byte length (without quotes); for objects and arrays the index of the token after the last one inside.</summary>
    public int Extent;

    public JsonTokenKind Kind;

    public JsonTokenFlags Flags;

    public readonly bool IsContainer => Kind <= JsonTokenKind.Array;

    /// <summary>The string or name holds at least one backslash escape.</summary>
    public readonly bool Escaped => (Flags & JsonTokenFlags.Escaped) != 0;

    /// <summary>The string or name holds bytes above 0x7F, so its UTF-8 must be checked.</summary>
    public readonly bool NonAscii => (Flags & JsonTokenFlags.NonAscii) != 0;
}
