using System;

namespace EvidenceCatalog.Model;

/// <summary>
/// The names a host accepts where a log source is chosen (<c>--source ID</c>, <c>?source=ID</c>) besides the ids of
/// the sources catalogs: reserved, so that no source can be given them.
/// </summary>
public static class LogSourceIds
{
    /// <summary>The input holds the product's own evidence events, not a log source's records.</summary>
    public const string Native = "native";

    /// <summary>The input's source is recognised from its first records.</summary>
    public const string Auto = "auto";

    /// <summary>What a reserved name means, or null for a name a source may have.</summary>
    public static string? Reserved(string id) => id switch
    {
        Native => "'native' names the product's own evidence events",
        Auto => "'auto' asks for each input's source to be recognised from its first records",
        _ => null,
    };

    /// <summary>True for <see cref="Native"/> and <see cref="Auto"/>.</summary>
    public static bool IsReserved(string id) => Reserved(id ?? throw new ArgumentNullException(nameof(id))) is not null;
}
