using System.Linq;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>The catalog compiled into EvidenceCatalog.Catalogs and the same files loaded at run time are one catalog.</summary>
public sealed class EquivalenceTests
{
    private static readonly CatalogModel RunTimeModel =
        CatalogCompiler.Compile(RepositoryFiles.SampleCatalogs(), SchemaSet.Load(RepositoryFiles.Schemas()), new CompilerOptions()).Model;

    [Fact]
    public void Generated_model_equals_the_model_loaded_at_run_time()
    {
        Assert.Equal(RunTimeModel, GeneratedEvidenceCatalog.Instance.Model);
    }

    [Fact]
    public void Generated_fingerprint_is_the_compilers()
    {
        Assert.Equal(CatalogInfo.Fingerprint, RunTimeModel.Fingerprint);
        Assert.Equal(RunTimeModel.Fingerprint, GeneratedEvidenceCatalog.Instance.Fingerprint);
        Assert.Equal(RunTimeModel.Fingerprint, GeneratedEvidenceCatalog.Instance.Model.Fingerprint);
    }

    [Fact]
    public void Compiled_control_mappings_agree_with_the_run_time_index_for_every_type_and_outcome()
    {
        var runTime = new ModelEvidenceCatalog(RunTimeModel);
        IEvidenceCatalog generated = GeneratedEvidenceCatalog.Instance;
        foreach (var type in RunTimeModel.EventTypes)
        {
            foreach (string? outcome in type.Outcomes.Append(null).Append("not-an-outcome"))
            {
                // ToArray: ImmutableArray's own Equals compares array references, not items.
                Assert.Equal(runTime.ControlsFor(type.Id, outcome).ToArray(), generated.ControlsFor(type.Id, outcome).ToArray());
            }
        }

        Assert.Empty(generated.ControlsFor("not.a_type", "allow"));
    }

    [Fact]
    public void Typed_members_carry_the_catalog_values()
    {
        Assert.Equal("CC6.1", Soc2.CC6_1.Id);
        Assert.Equal(RiskLevel.Medium, VendorRegister.Stripe.Risk);
        Assert.Equal(15, IncidentResponse.Severities.P1.ResponseMinutes);
        Assert.Equal("data-breach", IncidentResponse.Procedures.DataBreach.Id);
        Assert.Equal(15, AccessModel.Roles.Auditor.Level);
        Assert.Equal("audit:read", AccessModel.Permissions.AuditRead.Id);
        Assert.Equal("byok-key-encryption", EncryptionInventory.ByokKeyEncryption.Id);
        Assert.Equal(RunTimeModel.Vendors.Select(v => v.Id), VendorRegister.All.Select(v => v.Id));
    }
}
