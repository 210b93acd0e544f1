namespace EvidenceCatalog.Model;

/// <summary>A role with its numeric level (higher sees more) and the permissions it grants.</summary>
/// <param name="Id">Role id, kebab-case (e.g. dept-lead). Referenced by runbook steps.</param>
/// <param name="Name">Display name of the role.</param>
/// <param name="Level">Privilege level; higher means more privileged (e.g. owner 100, viewer 5).</param>
/// <param name="Description">Who holds the role and what it is for.</param>
/// <param name="Permissions">Permissions the role grants, by id (e.g. audit:read).</param>
public sealed record Role(string Id, string Name, int Level, string? Description, EquatableArray<string> Permissions);

/// <summary>A group of related permissions.</summary>
/// <param name="Id">Category id, kebab-case (e.g. catalogs).</param>
/// <param name="Name">Display name of the category.</param>
/// <param name="Description">What the permissions of the category govern.</param>
/// <param name="Permissions">The permissions in the category.</param>
public sealed record PermissionCategory(string Id, string Name, string? Description, EquatableArray<Permission> Permissions);

/// <summary>A permission.</summary>
/// <param name="Id">Permission id, resource:action (e.g. audit:read). Unique across categories.</param>
/// <param name="Description">What the permission allows.</param>
public sealed record Permission(string Id, string Description);

/// <summary>
/// A group of an identity system whose members hold <see cref="Role"/>: how <c>evidence access import</c> gives each
/// imported user a role of this catalog (docs/access-imports.md). A user in several mapped groups holds the highest of
/// their roles.
/// </summary>
/// <param name="System">The identity system: aws (IAM groups; the root user is in the group '&lt;root_account&gt;'), okta (Okta groups), google-workspace (org unit paths such as /Engineering, and 'super-admin' / 'delegated-admin' for administrators) or github (the organisation role: admin or member).</param>
/// <param name="Group">The group exactly as the system names it (case-sensitive), e.g. Engineering-Admins.</param>
/// <param name="Role">The role its members hold: a role id of the access catalog.</param>
public sealed record RoleMapping(IdentitySystem System, string Group, string Role);

/// <summary>The identity systems access snapshots are imported from; written kebab-case in the catalogs (<c>google-workspace</c>).</summary>
public enum IdentitySystem
{
    Aws,
    Okta,
    GoogleWorkspace,
    Github,
}
