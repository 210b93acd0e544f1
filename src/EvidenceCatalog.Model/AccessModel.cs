namespace EvidenceCatalog.Model;

/// <summary>A role with its numeric level (higher sees more) and the permissions it grants.</summary>
public sealed record Role(string Id, string Name, int Level, string? Description, EquatableArray<string> Permissions);

public sealed record PermissionCategory(string Id, string Name, string? Description, EquatableArray<Permission> Permissions);

public sealed record Permission(string Id, string Description);

/// <summary>
/// A group of an identity system whose members hold <see cref="Role"/>: how <c>evidence access import</c> gives each
/// imported user a role of this catalog (docs/access-imports.md). A user in several mapped groups holds the highest of
/// their roles.
/// </summary>
/// <param name="System">The identity system the group belongs to.</param>
/// <param name="Group">The group as the system names it, exactly (an Okta group, an AWS IAM group, a Google Workspace org unit path, a GitHub organisation role).</param>
/// <param name="Role">A role id of this catalog.</param>
public sealed record RoleMapping(IdentitySystem System, string Group, string Role);

/// <summary>The identity systems access snapshots are imported from; written kebab-case in the catalogs (<c>google-workspace</c>).</summary>
public enum IdentitySystem
{
    Aws,
    Okta,
    GoogleWorkspace,
    Github,
}
