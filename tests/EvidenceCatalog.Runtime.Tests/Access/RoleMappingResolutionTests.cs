using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>Groups become roles through the catalog's role mappings: the highest wins, none mapped is "unmapped".</summary>
public sealed class RoleMappingResolutionTests
{
    private static AccessImportResult ImportWith(CatalogModel model, params AccessImportInput[] inputs) => AccessImporter.Import(model, inputs, TakenAt);

    [Fact]
    public void Of_several_mapped_groups_the_highest_role_wins()
    {
        var model = Infrastructure.Events.Catalog.Model with
        {
            RoleMappings = new[] { new RoleMapping(IdentitySystem.Okta, "Everyone", "viewer"), new RoleMapping(IdentitySystem.Okta, "Security-Admins", "admin") }.ToEquatableArray(),
        };

        var result = ImportWith(model, Okta);

        Assert.Equal("admin", result.User("alice@northwind.example").Role);
        Assert.Equal("viewer", result.User("bob@northwind.example").Role);
    }

    [Fact]
    public void A_mapping_of_another_system_does_not_apply()
    {
        var model = Infrastructure.Events.Catalog.Model with
        {
            RoleMappings = new[] { new RoleMapping(IdentitySystem.GoogleWorkspace, "Security-Admins", "owner") }.ToEquatableArray(),
        };

        Assert.Equal(AccessImporter.UnmappedRole, ImportWith(model, Okta).User("alice@northwind.example").Role);
    }

    [Fact]
    public void Without_mappings_everyone_is_unmapped_never_given_the_lowest_role()
    {
        var model = Infrastructure.Events.Catalog.Model with { RoleMappings = EquatableArray<RoleMapping>.Empty };
        var result = ImportWith(model, Okta, Google);

        Assert.All(result.Snapshot.Users, u => Assert.Equal("unmapped", u.Role));
        Assert.Equal(result.Snapshot.Users.Count, result.Unmapped);
    }

    [Fact]
    public void Groups_of_a_suspended_account_grant_nothing()
    {
        // Frank is still in Okta's Everyone group, suspended; his role comes from his working IAM user only.
        var model = Infrastructure.Events.Catalog.Model with
        {
            RoleMappings = new[] { new RoleMapping(IdentitySystem.Okta, "Everyone", "owner") }.ToEquatableArray(),
        };

        Assert.Equal("unmapped", ImportWith(model, Okta, Aws).User("frank@northwind.example").Role);
        Assert.Equal("owner", ImportWith(model, Okta, Aws).User("bob@northwind.example").Role);
    }
}
