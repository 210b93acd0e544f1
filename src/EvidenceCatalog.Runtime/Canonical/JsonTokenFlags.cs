using System;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>What the scanner learnt about a string or name, so later passes skip work on the common plain-ASCII case.</summary>
[Flags]
internal enum JsonTokenFlags : byte
{
    None = 0,
    Escaped = 1,
    NonAscii = 2,
}
