namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>The kinds of entry in a <see cref="JsonTokenTable"/>; end tokens are not stored.</summary>
internal enum JsonTokenKind : byte
{
    Object,
    Array,
    PropertyName,
    String,
    Number,
    True,
    False,
    Null,
}
