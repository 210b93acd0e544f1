using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

/// <summary>
/// What the templates render: every name already a valid, unique C# identifier and every value already a C#
/// expression (literals escaped, types fully qualified). Plain strings, so it compares by value and caches.
/// <see cref="Root"/> is <c>global::</c> and the namespace, to reach a generated class from anywhere.
/// <see cref="RoleMappings"/> holds one constructor expression per mapping (mappings have no id, so no member name).
/// </summary>
internal sealed record CatalogSpec(
    string Namespace,
    string Root,
    string Fingerprint,
    string OrganizationId,
    string OrganizationName,
    EquatableArray<FrameworkSpec> Frameworks,
    EquatableArray<ControlSpec> Controls,
    EquatableArray<EventTypeSpec> EventTypes,
    EquatableArray<MetricSpec> Metrics,
    EquatableArray<EncryptionSpec> Encryption,
    EquatableArray<VendorSpec> Vendors,
    EquatableArray<SeveritySpec> Severities,
    EquatableArray<ProcedureSpec> Procedures,
    EquatableArray<ResponderSpec> Responders,
    EquatableArray<RoleSpec> Roles,
    EquatableArray<PermissionSpec> Permissions,
    EquatableArray<PermissionCategorySpec> PermissionCategories,
    EquatableArray<string> RoleMappings,
    string AccessLastReviewed,
    EquatableArray<DataCategorySpec> DataCategories,
    PoliciesSpec? Policies,
    EquatableArray<LogSourceSpec> Sources,
    MappingSpec Mappings);
