using System.Collections.Generic;
using System.Linq;

namespace EvidenceCatalog.Model;

/// <summary>
/// Everything the catalogs declare, as immutable values in declaration order (files ordered by path).
/// Holds no YAML or JSON objects; two equal catalogs give equal models and the same <see cref="Fingerprint"/>.
/// <see cref="Responders"/> are the on-call roles the runbooks declare; <see cref="AccessLastReviewed"/> is when the access
/// catalog was last reviewed (the earliest date where several access files declare one).
/// </summary>
public sealed record CatalogModel(
    EquatableArray<Framework> Frameworks,
    EquatableArray<Control> Controls,
    EquatableArray<EventType> EventTypes,
    EquatableArray<SecurityMetric> Metrics,
    EquatableArray<EncryptionControl> Encryption,
    EquatableArray<Vendor> Vendors,
    EquatableArray<Severity> Severities,
    EquatableArray<Procedure> Procedures,
    EquatableArray<Role> Roles,
    EquatableArray<PermissionCategory> PermissionCategories,
    EquatableArray<RoleMapping> RoleMappings,
    CompliancePolicies? Policies,
    EquatableArray<LogSource> Sources,
    EquatableArray<Responder> Responders = default,
    CalendarDate? AccessLastReviewed = null)
{
    public static readonly CatalogModel Empty = FromFragments(Enumerable.Empty<CatalogFragment>());

    /// <summary>SHA-256 (lower-case hex) of the model's canonical JSON form; see <see cref="CatalogFingerprint"/>.</summary>
    /// <remarks>
    /// Computed from the values on each call, never stored: a stored one would be copied unchanged into a model made
    /// with a <c>with</c> expression, and would make two models of equal content compare unequal.
    /// </remarks>
    public string Fingerprint => CatalogFingerprint.Compute(this);

    /// <summary>Every criterion of every framework.</summary>
    public IEnumerable<Criterion> Criteria => Frameworks.SelectMany(f => f.Criteria);

    /// <summary>Every permission of every category.</summary>
    public IEnumerable<Permission> Permissions => PermissionCategories.SelectMany(c => c.Permissions);

    /// <summary>Joins the fragments of several files, in the order given.</summary>
    public static CatalogModel FromFragments(IEnumerable<CatalogFragment> fragments)
    {
        var list = fragments.ToList();
        return new CatalogModel(
            list.SelectMany(f => f.Frameworks).ToEquatableArray(),
            list.SelectMany(f => f.Controls).ToEquatableArray(),
            list.SelectMany(f => f.EventTypes).ToEquatableArray(),
            list.SelectMany(f => f.Metrics).ToEquatableArray(),
            list.SelectMany(f => f.Encryption).ToEquatableArray(),
            list.SelectMany(f => f.Vendors).ToEquatableArray(),
            list.SelectMany(f => f.Severities).ToEquatableArray(),
            list.SelectMany(f => f.Procedures).ToEquatableArray(),
            list.SelectMany(f => f.Roles).ToEquatableArray(),
            list.SelectMany(f => f.PermissionCategories).ToEquatableArray(),
            list.SelectMany(f => f.RoleMappings).ToEquatableArray(),
            list.Select(f => f.Policies).FirstOrDefault(p => p is not null),
            list.SelectMany(f => f.Sources).ToEquatableArray(),
            list.SelectMany(f => f.Responders).ToEquatableArray(),
            list.Select(f => f.AccessLastReviewed).Where(d => d is not null).Min());
    }
}

/// <summary>What one catalog file declares: the lists of its kind filled, the others empty.</summary>
public sealed record CatalogFragment
{
    public EquatableArray<Framework> Frameworks { get; init; } = EquatableArray<Framework>.Empty;

    public EquatableArray<Control> Controls { get; init; } = EquatableArray<Control>.Empty;

    public EquatableArray<EventType> EventTypes { get; init; } = EquatableArray<EventType>.Empty;

    public EquatableArray<SecurityMetric> Metrics { get; init; } = EquatableArray<SecurityMetric>.Empty;

    public EquatableArray<EncryptionControl> Encryption { get; init; } = EquatableArray<EncryptionControl>.Empty;

    public EquatableArray<Vendor> Vendors { get; init; } = EquatableArray<Vendor>.Empty;

    public EquatableArray<Severity> Severities { get; init; } = EquatableArray<Severity>.Empty;

    public EquatableArray<Procedure> Procedures { get; init; } = EquatableArray<Procedure>.Empty;

    public EquatableArray<Responder> Responders { get; init; } = EquatableArray<Responder>.Empty;

    /// <summary>The access catalog's <c>lastReviewed</c>, when this file is one that declares it.</summary>
    public CalendarDate? AccessLastReviewed { get; init; }

    public EquatableArray<Role> Roles { get; init; } = EquatableArray<Role>.Empty;

    public EquatableArray<PermissionCategory> PermissionCategories { get; init; } = EquatableArray<PermissionCategory>.Empty;

    public EquatableArray<RoleMapping> RoleMappings { get; init; } = EquatableArray<RoleMapping>.Empty;

    public CompliancePolicies? Policies { get; init; }

    public EquatableArray<LogSource> Sources { get; init; } = EquatableArray<LogSource>.Empty;
}
