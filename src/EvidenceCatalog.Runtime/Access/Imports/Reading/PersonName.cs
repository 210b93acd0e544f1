using System.Linq;

namespace EvidenceCatalog.Runtime.Access.Imports.Reading;

/// <summary>A display name from its parts (given and family name), when the system gives no whole one.</summary>
internal static class PersonName
{
    public static string? Join(params string?[] parts)
    {
        string name = string.Join(" ", parts.Where(p => p is not null));
        return name.Length > 0 ? name : null;
    }
}
