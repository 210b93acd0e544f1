using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>
/// The role a person holds by the catalog's role mappings: the highest-level role any of their groups maps to (the first
/// declared of equal levels). None mapped is <see cref="AccessImporter.UnmappedRole"/>, never a silent default.
/// </summary>
internal sealed class RoleResolver
{
    private readonly Dictionary<(IdentitySystem System, string Group), Role> mapped = [];

    public RoleResolver(CatalogModel model)
    {
        var roles = model.Roles.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var mapping in model.RoleMappings)
        {
            // A compiled catalog names declared roles only (EC3005) and each group once (EC3001).
            if (roles.TryGetValue(mapping.Role, out var role))
            {
                mapped.TryAdd((mapping.System, mapping.Group), role);
            }
        }

        Order = model.Roles.Select((r, i) => (r.Id, i)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
    }

    private Dictionary<string, int> Order { get; }

    public string RoleOf(IEnumerable<(IdentitySystem System, string Group)> groups) =>
        groups
            .Select(g => mapped.TryGetValue(g, out var role) ? role : null)
            .Where(r => r is not null)
            .OrderByDescending(r => r!.Level)
            .ThenBy(r => Order[r!.Id])
            .FirstOrDefault()?.Id
        ?? AccessImporter.UnmappedRole;
}
