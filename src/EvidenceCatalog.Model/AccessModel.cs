namespace EvidenceCatalog.Model;

/// <summary>A role with its numeric level (higher sees more) and the permissions it grants.</summary>
public sealed record Role(string Id, string Name, int Level, string? Description, EquatableArray<string> Permissions);

public sealed record PermissionCategory(string Id, string Name, string? Description, EquatableArray<Permission> Permissions);

public sealed record Permission(string Id, string Description);
