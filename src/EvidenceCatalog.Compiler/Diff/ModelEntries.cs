using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>
/// A model's entries as the diff compares them: each list's entries by id, each entry the value the fingerprint hashes
/// (<see cref="CatalogFingerprint.CanonicalForm"/>), so that the diff sees exactly what makes two models differ.
/// A framework's criteria and the policies' data categories are entries of their own lists, not fields of their parent.
/// </summary>
internal static class ModelEntries
{
    public static Dictionary<EntryCollection, Dictionary<string, IReadOnlyDictionary<string, object?>>> Of(CatalogModel model)
    {
        var canonical = CatalogFingerprint.CanonicalForm(model);
        var entries = EntryCollection.All.ToDictionary(c => c, _ => new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal));

        foreach (var framework in Objects(Member(canonical, "frameworks")))
        {
            Add(entries[EntryCollection.Frameworks], Text(framework, "id"), Without(framework, "criteria"));
            foreach (var criterion in Objects(Member(framework, "criteria")))
            {
                Add(entries[EntryCollection.Criteria], Text(criterion, "id"), criterion);
            }
        }

        foreach (var collection in new[]
        {
            EntryCollection.Controls, EntryCollection.EventTypes, EntryCollection.Metrics, EntryCollection.Encryption, EntryCollection.Vendors,
            EntryCollection.Severities, EntryCollection.Responders, EntryCollection.Procedures, EntryCollection.Roles, EntryCollection.PermissionCategories, EntryCollection.Sources,
        })
        {
            foreach (var entry in Objects(Member(canonical, collection.Name)))
            {
                Add(entries[collection], Text(entry, "id"), entry);
            }
        }

        foreach (var mapping in Objects(Member(canonical, EntryCollection.RoleMappings.Name)))
        {
            Add(entries[EntryCollection.RoleMappings], Text(mapping, "system") + ":" + Text(mapping, "group"), mapping);
        }

        if (Member(canonical, "policies") is IReadOnlyDictionary<string, object?> policies)
        {
            Add(entries[EntryCollection.Policies], EntryCollection.PoliciesId, Without(policies, "dataCategories"));
            foreach (var category in Objects(Member(policies, "dataCategories")))
            {
                Add(entries[EntryCollection.DataCategories], Text(category, "id"), category);
            }
        }

        return entries;
    }

    private static void Add(Dictionary<string, IReadOnlyDictionary<string, object?>> list, string id, IReadOnlyDictionary<string, object?> value)
    {
        // Ids are unique per kind in a model that compiled (EC3001); the first is kept should two frameworks share a criterion id.
        if (!list.ContainsKey(id))
        {
            list.Add(id, value);
        }
    }

    private static object? Member(IReadOnlyDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var member) ? member : null;

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Objects(object? list) =>
        list is IEnumerable<object?> items ? items.OfType<IReadOnlyDictionary<string, object?>>() : Enumerable.Empty<IReadOnlyDictionary<string, object?>>();

    private static string Text(IReadOnlyDictionary<string, object?> value, string name) => Member(value, name) as string ?? string.Empty;

    private static IReadOnlyDictionary<string, object?> Without(IReadOnlyDictionary<string, object?> value, string name) =>
        value.Where(m => !string.Equals(m.Key, name, StringComparison.Ordinal)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
}
