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
    public void Generated_sources_equal_the_sources_loaded_at_run_time()
    {
        // The sample catalogs' shipped sources (catalogs/sources/) and the fixture using every part of the language are
        // compiled together, and the generated assembly is loaded and asked for its model, as the runtime would ask
        // GeneratedEvidenceCatalog.Instance.
        var catalogs = RepositoryFiles.SampleCatalogs()
            .Concat(RepositoryFiles.Read("tests/EvidenceCatalog.Compiler.Tests/Fixtures/source-valid", "*.yaml"))
            .ToList();
        var runTime = CatalogCompiler.Compile(catalogs, SchemaSet.Load(RepositoryFiles.Schemas()), new CompilerOptions()).Model;
        Assert.Equal(RunTimeModel.Sources.Count + 1, runTime.Sources.Count);

        var run = new GeneratorHarness().WithCatalogs(catalogs).WithSchemas(RepositoryFiles.Schemas()).Run();
        var generated = GeneratedAssembly.Load(run.Output);
        try
        {
            var instance = generated.Assembly.GetType("EvidenceCatalog.Catalogs.GeneratedEvidenceCatalog", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;
            var model = ((IEvidenceCatalog)instance).Model;

            Assert.Equal(runTime, model);
            Assert.Equal(runTime.Fingerprint, model.Fingerprint);

            var logSources = generated.Assembly.GetType("EvidenceCatalog.Catalogs.LogSources", throwOnError: true)!;
            var minimal = (LogSource)logSources.GetField("CloudtrailMinimal")!.GetValue(null)!;
            Assert.Equal(("cloudtrail-minimal", "AWS CloudTrail", 3), (minimal.Id, minimal.Name, minimal.Rules.Count));
            var shipped = (LogSource)logSources.GetField("AwsCloudtrail")!.GetValue(null)!;
            Assert.Equal(runTime.Sources.Single(s => s.Id == "aws-cloudtrail"), shipped);
        }
        finally
        {
            generated.Unload();
        }
    }

    [Fact]
    public void Typed_members_carry_the_catalog_values()
    {
        Assert.Equal("CC6.1", Soc2.CC6_1.Id);
        Assert.Equal(RiskLevel.Medium, VendorRegister.Stripe.Risk);
        Assert.Equal(15, IncidentResponse.Severities.P1.ResponseMinutes);
        Assert.Equal("data-breach", IncidentResponse.Procedures.DataBreach.Id);
        Assert.Equal(new CalendarDate(2026, 6, 18), IncidentResponse.Procedures.DataBreach.LastTested);
        Assert.Equal(["P1", "P2", "P3"], IncidentResponse.Procedures.ServiceOutage.CoveredSeverities);
        Assert.Equal("Security Lead", IncidentResponse.Responders.SecurityLead.Name);
        Assert.Equal(new CalendarDate(2026, 10, 5), AccessModel.LastReviewed);
        Assert.Equal(90, EncryptionInventory.ByokKeyEncryption.RotationDays);
        Assert.Equal(StalenessPolicy.Default, CompliancePolicy.Current!.Staleness);
        Assert.Equal(15, AccessModel.Roles.Auditor.Level);
        Assert.Equal("audit:read", AccessModel.Permissions.AuditRead.Id);
        Assert.Equal("byok-key-encryption", EncryptionInventory.ByokKeyEncryption.Id);
        Assert.Equal(RunTimeModel.Vendors.Select(v => v.Id), VendorRegister.All.Select(v => v.Id));
    }
}
