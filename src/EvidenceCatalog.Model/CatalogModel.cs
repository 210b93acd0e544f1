using System.Collections.Generic;
using System.Linq;

namespace EvidenceCatalog.Model;

/// <summary>
/// Everything the catalogs declare, as immutable values in declaration order (files ordered by path).
/// Holds no YAML or JSON objects; two equal catalogs give equal models and the same <see cref="Fingerprint"/>.
/// <see cref="Responders"/> are the on-call roles the runbooks declare; <see cref="AccessLastReviewed"/> is when the access
/// catalog was last reviewed (the earliest date where several access files declare one).
/// </summary>
/// <param name="Frameworks">The frameworks of the framework catalogs. All in declaration order.</param>
/// <param name="Controls">The controls of the controls catalogs. All in declaration order.</param>
/// <param name="EventTypes">The event types of the events catalogs. All in declaration order.</param>
/// <param name="Metrics">The security metrics of the events catalogs. All in declaration order.</param>
/// <param name="Encryption">The entries of the encryption inventory. All in declaration order.</param>
/// <param name="Vendors">The vendors of the vendor register. All in declaration order.</param>
/// <param name="Severities">The incident severities of the runbooks catalogs. All in declaration order.</param>
/// <param name="Procedures">The incident-response procedures of the runbooks catalogs. All in declaration order.</param>
/// <param name="Roles">The roles of the access catalogs. All in declaration order.</param>
/// <param name="PermissionCategories">The permission categories of the access catalogs, each with its permissions. All in declaration order.</param>
/// <param name="RoleMappings">The identity-system groups mapped to roles by the access catalogs. All in declaration order.</param>
/// <param name="Policies">The policies catalog; null when none is loaded.</param>
/// <param name="Sources">The log sources of the sources catalogs. All in declaration order.</param>
/// <param name="Responders">The responders of the runbooks catalogs (the people on call for incidents, by role). All in declaration order.</param>
/// <param name="AccessLastReviewed">When the access catalog's roles and permissions were last reviewed; the earliest when several access files declare it, null when none does.</param>
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
    /// <summary>The frameworks a framework file declares.</summary>
    public EquatableArray<Framework> Frameworks { get; init; } = EquatableArray<Framework>.Empty;

    /// <summary>The controls a controls file declares.</summary>
    public EquatableArray<Control> Controls { get; init; } = EquatableArray<Control>.Empty;

    /// <summary>The event types an events file declares.</summary>
    public EquatableArray<EventType> EventTypes { get; init; } = EquatableArray<EventType>.Empty;

    /// <summary>The security metrics an events file declares.</summary>
    public EquatableArray<SecurityMetric> Metrics { get; init; } = EquatableArray<SecurityMetric>.Empty;

    /// <summary>The entries an encryption file declares.</summary>
    public EquatableArray<EncryptionControl> Encryption { get; init; } = EquatableArray<EncryptionControl>.Empty;

    /// <summary>The vendors a vendors file declares.</summary>
    public EquatableArray<Vendor> Vendors { get; init; } = EquatableArray<Vendor>.Empty;

    /// <summary>The severities a runbooks file declares.</summary>
    public EquatableArray<Severity> Severities { get; init; } = EquatableArray<Severity>.Empty;

    /// <summary>The procedures a runbooks file declares.</summary>
    public EquatableArray<Procedure> Procedures { get; init; } = EquatableArray<Procedure>.Empty;

    /// <summary>The responders a runbooks file declares.</summary>
    public EquatableArray<Responder> Responders { get; init; } = EquatableArray<Responder>.Empty;

    /// <summary>The access catalog's <c>lastReviewed</c>, when this file is one that declares it.</summary>
    public CalendarDate? AccessLastReviewed { get; init; }

    /// <summary>The roles an access file declares.</summary>
    public EquatableArray<Role> Roles { get; init; } = EquatableArray<Role>.Empty;

    /// <summary>The permission categories an access file declares.</summary>
    public EquatableArray<PermissionCategory> PermissionCategories { get; init; } = EquatableArray<PermissionCategory>.Empty;

    /// <summary>The role mappings an access file declares.</summary>
    public EquatableArray<RoleMapping> RoleMappings { get; init; } = EquatableArray<RoleMapping>.Empty;

    /// <summary>What a policies file declares; null in a file of another kind.</summary>
    public CompliancePolicies? Policies { get; init; }

    /// <summary>The log sources a sources file declares.</summary>
    public EquatableArray<LogSource> Sources { get; init; } = EquatableArray<LogSource>.Empty;
}
