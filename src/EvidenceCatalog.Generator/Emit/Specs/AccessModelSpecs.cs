using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

internal sealed record RoleSpec(string Member, EquatableArray<string> Doc, string Id, string Name, string Level, string Description, string Permissions);

internal sealed record PermissionSpec(string Member, EquatableArray<string> Doc, string Id, string Description);

/// <summary>A permission category; <see cref="Permissions"/> is an array expression over the <c>AccessModel.Permissions</c> members.</summary>
internal sealed record PermissionCategorySpec(string Member, EquatableArray<string> Doc, string Id, string Name, string Description, string Permissions);
