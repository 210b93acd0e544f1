using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>
/// One list of entries the diff compares: which catalog kind holds it, its member in the model's canonical form
/// (<see cref="CatalogFingerprint.CanonicalForm"/>), and where each entry is written in a file of that kind.
/// </summary>
/// <param name="Name">The list's name as the catalogs write it: <c>controls</c>, <c>eventTypes</c>, <c>dataCategories</c>.</param>
/// <param name="Kind">The catalog kind whose files hold it.</param>
/// <param name="Label">How one entry is named in a sentence: <c>control</c>, <c>event type</c>.</param>
/// <param name="IdsInFile">The ids a file's fragment declares, in the order written.</param>
/// <param name="Pointer">The JSON pointer of the entry at an index of its file.</param>
public sealed record EntryCollection(
    string Name,
    string Kind,
    string Label,
    Func<CatalogFragment, IEnumerable<string>> IdsInFile,
    Func<int, string> Pointer)
{
    public static readonly EntryCollection Frameworks = new("frameworks", "framework", "framework", f => f.Frameworks.Select(x => x.Id), _ => "/framework");

    public static readonly EntryCollection Criteria = new("criteria", "framework", "criterion", f => f.Frameworks.SelectMany(x => x.Criteria).Select(c => c.Id), i => "/framework/criteria/" + Index(i));

    public static readonly EntryCollection Controls = Listed("controls", "controls", "control", f => f.Controls.Select(x => x.Id));

    public static readonly EntryCollection EventTypes = Listed("eventTypes", "events", "event type", f => f.EventTypes.Select(x => x.Id));

    public static readonly EntryCollection Metrics = Listed("metrics", "events", "metric", f => f.Metrics.Select(x => x.Id));

    public static readonly EntryCollection Encryption = Listed("encryption", "encryption", "encryption entry", f => f.Encryption.Select(x => x.Id));

    public static readonly EntryCollection Vendors = Listed("vendors", "vendors", "vendor", f => f.Vendors.Select(x => x.Id));

    public static readonly EntryCollection Severities = Listed("severities", "runbooks", "severity", f => f.Severities.Select(x => x.Id));

    public static readonly EntryCollection Responders = Listed("responders", "runbooks", "responder", f => f.Responders.Select(x => x.Id));

    public static readonly EntryCollection Procedures = Listed("procedures", "runbooks", "procedure", f => f.Procedures.Select(x => x.Id));

    public static readonly EntryCollection Roles = Listed("roles", "access", "role", f => f.Roles.Select(x => x.Id));

    public static readonly EntryCollection PermissionCategories = Listed("permissionCategories", "access", "permission category", f => f.PermissionCategories.Select(x => x.Id));

    public static readonly EntryCollection RoleMappings = Listed("roleMappings", "access", "role mapping", f => f.RoleMappings.Select(RoleMappingId));

    public static readonly EntryCollection Policies = new("policies", "policies", "policies", f => f.Policies is null ? Enumerable.Empty<string>() : new[] { PoliciesId }, _ => string.Empty);

    public static readonly EntryCollection DataCategories = Listed("dataCategories", "policies", "data category", f => f.Policies is null ? Enumerable.Empty<string>() : f.Policies.DataCategories.Select(x => x.Id));

    public static readonly EntryCollection Sources = Listed("sources", "sources", "log source", f => f.Sources.Select(x => x.Id));

    /// <summary>The id of the one policies entry (the kind is declared once).</summary>
    public const string PoliciesId = "policies";

    /// <summary>Every list, in the order the diff reports them: catalog kinds as the README lists them.</summary>
    public static IReadOnlyList<EntryCollection> All { get; } =
    [
        Frameworks, Criteria, Controls, EventTypes, Metrics, Encryption, Vendors, Severities, Responders, Procedures,
        Roles, PermissionCategories, RoleMappings, Policies, DataCategories, Sources,
    ];

    /// <summary>The kinds, in report order, each once.</summary>
    public static IReadOnlyList<string> Kinds { get; } = All.Select(c => c.Kind).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A role mapping has no id: it is named by its system and group, the pair the compiler keeps unique.</summary>
    public static string RoleMappingId(RoleMapping mapping) => KebabCase.FromEnum(mapping.System) + ":" + mapping.Group;

    public override string ToString() => Name;

    private static EntryCollection Listed(string name, string kind, string label, Func<CatalogFragment, IEnumerable<string>> ids) =>
        new(name, kind, label, ids, i => "/" + name + "/" + Index(i));

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
