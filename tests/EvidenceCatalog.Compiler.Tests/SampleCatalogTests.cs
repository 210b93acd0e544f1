using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using Xunit;
using Xunit.Abstractions;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The sample catalogs describe one complete organisation and validate clean.</summary>
public sealed class SampleCatalogTests
{
    private static readonly Lazy<CompilationResult> Result = new(() =>
        CatalogCompiler.Compile(RepositoryFiles.SampleCatalogs(), RepositoryFiles.Schemas.Value, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23) }));

    private readonly ITestOutputHelper output;

    public SampleCatalogTests(ITestOutputHelper output) => this.output = output;

    private static CatalogModel Model => Result.Value.Model;

    [Fact]
    public void Sample_catalogs_validate_with_no_errors_and_no_warnings()
    {
        foreach (var diagnostic in Result.Value.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        Assert.Empty(Result.Value.Diagnostics);
    }

    [Fact]
    public void Sample_catalogs_also_validate_clean_under_strict_mode()
    {
        var strict = CatalogCompiler.Compile(RepositoryFiles.SampleCatalogs(), RepositoryFiles.Schemas.Value, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23), Strict = true });
        Assert.Empty(strict.Diagnostics);
    }

    [Fact]
    public void Every_catalog_file_names_its_schema_on_the_first_line_for_editors()
    {
        foreach (var file in RepositoryFiles.SampleCatalogs())
        {
            string firstLine = file.Text.Split('\n')[0];
            Assert.StartsWith("# yaml-language-server: $schema=", firstLine);
            string relative = firstLine.Substring("# yaml-language-server: $schema=".Length).Trim();
            string schemaPath = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, Path.GetDirectoryName(file.Path)!, relative));
            Assert.True(File.Exists(schemaPath), file.Path + " names a schema that does not exist: " + relative);
            string kind = file.Text.Split('\n').First(l => l.StartsWith("kind:", StringComparison.Ordinal)).Substring(5).Trim();
            Assert.Equal(kind + ".schema.json", Path.GetFileName(schemaPath));
        }
    }

    [Fact]
    public void Framework_holds_the_61_criteria_of_the_2017_trust_services_criteria()
    {
        string[] expected =
        {
            "CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5", "CC2.1", "CC2.2", "CC2.3", "CC3.1", "CC3.2", "CC3.3", "CC3.4",
            "CC4.1", "CC4.2", "CC5.1", "CC5.2", "CC5.3", "CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6", "CC6.7", "CC6.8",
            "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1", "CC9.1", "CC9.2", "A1.1", "A1.2", "A1.3", "C1.1", "C1.2",
            "PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5", "P1.1", "P2.1", "P3.1", "P3.2", "P4.1", "P4.2", "P4.3", "P5.1", "P5.2",
            "P6.1", "P6.2", "P6.3", "P6.4", "P6.5", "P6.6", "P6.7", "P7.1", "P8.1",
        };
        var soc2 = Assert.Single(Model.Frameworks);
        Assert.Equal(61, expected.Length);
        Assert.Equal(expected, soc2.Criteria.Select(c => c.Id));
        Assert.All(soc2.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
    }

    [Theory]
    [InlineData("CC6.1", "policy.decision")]
    [InlineData("CC6.1", "auth.login")]
    [InlineData("CC6.7", "dlp.transmission")]
    [InlineData("CC7.2", "monitoring.heartbeat")]
    [InlineData("CC7.2", "anomaly.alert")]
    [InlineData("CC7.3", "api.call")]
    [InlineData("CC7.3", "anomaly.destructive_pattern")]
    [InlineData("CC7.4", "incident.opened")]
    public void Key_criteria_have_controls_with_evidence_rules(string criterion, string eventType)
    {
        var controls = Model.Controls.Where(c => c.Criteria.Contains(criterion)).ToList();
        Assert.Contains(controls, c => c.Evidence.Any(r => r.EventType == eventType));
        Assert.All(controls, c => Assert.False(string.IsNullOrWhiteSpace(c.Owner)));
    }

    [Fact]
    public void Event_taxonomy_names_the_security_metrics()
    {
        var metrics = Model.Metrics.Select(m => m.Id).ToList();
        Assert.Contains("failed-auth-attempts", metrics);
        Assert.Contains("blocked-ips", metrics);
        Assert.Contains("usage-spike-alerts", metrics);
    }

    [Fact]
    public void Encryption_inventory_has_the_ten_controls()
    {
        Assert.Equal(10, Model.Encryption.Count);
        Assert.Contains(Model.Encryption, e => e.Algorithm.Contains("AES-256-GCM", StringComparison.Ordinal) && e.Coverage == EncryptionCoverage.AtRest);
        Assert.Contains(Model.Encryption, e => e.Algorithm.Contains("RS256", StringComparison.Ordinal));
        Assert.Equal(3, Model.Encryption.Count(e => e.Algorithm.Contains("TLS", StringComparison.Ordinal)));
        Assert.Equal(3, Model.Encryption.Count(e => e.Algorithm.Contains("SHA-256", StringComparison.Ordinal)));
        Assert.All(Model.Encryption, e => Assert.False(string.IsNullOrWhiteSpace(e.ManagedBy + e.SourceModule)));
    }

    [Fact]
    public void Vendor_register_has_eleven_vendors_with_risk_matching_their_role()
    {
        Assert.Equal(11, Model.Vendors.Count);
        Assert.Equal(RiskLevel.Critical, Model.Vendors.Single(v => v.Id == "aws").Risk);
        Assert.Equal(RiskLevel.Critical, Model.Vendors.Single(v => v.Id == "okta").Risk);
        Assert.Equal(RiskLevel.High, Model.Vendors.Single(v => v.Id == "openai").Risk);
        Assert.Equal(RiskLevel.High, Model.Vendors.Single(v => v.Id == "anthropic").Risk);
        Assert.All(Model.Vendors, v => Assert.NotEmpty(v.Mitigations));
    }

    [Fact]
    public void Incident_response_has_four_severities_and_six_procedures_across_four_phases()
    {
        Assert.Equal(
            new[] { ("P1", "Critical", 15), ("P2", "High", 60), ("P3", "Medium", 240), ("P4", "Low", 1440) },
            Model.Severities.Select(s => (s.Id, s.Name, s.ResponseMinutes)));
        Assert.Equal(6, Model.Procedures.Count);
        Assert.Equal(4, Model.Procedures.Select(p => p.Phase).Distinct().Count());
        Assert.Equal(new[] { "P1" }, Model.Procedures.Single(p => p.Id == "data-breach").CoveredSeverities);
        Assert.Equal(new[] { "P1", "P2" }, Model.Procedures.Single(p => p.Id == "unauthorized-access").CoveredSeverities);
        Assert.Equal(new[] { "P1", "P2", "P3" }, Model.Procedures.Single(p => p.Id == "service-outage").CoveredSeverities);
        Assert.Empty(Model.Procedures.Single(p => p.Id == "detection-triage").CoveredSeverities);
        var postMortem = Model.Procedures.Single(p => p.Phase == IncidentPhase.PostIncident);
        Assert.True(postMortem.Steps.Max(s => s.SlaMinutes) <= 48 * 60);
        Assert.All(Model.Procedures.SelectMany(p => p.Steps), s => Assert.NotEmpty(s.Tools));
    }

    [Fact]
    public void Runbook_steps_are_owned_by_the_declared_responders_or_by_access_roles()
    {
        Assert.Equal(
            new[] { ("on-call-engineer", "On-call Engineer"), ("security-lead", "Security Lead"), ("infrastructure-engineer", "Infrastructure Engineer") },
            Model.Responders.Select(r => (r.Id, r.Name)));
        Assert.All(Model.Responders, r => Assert.NotNull(r.Escalation));
        var owners = Model.Procedures.SelectMany(p => p.Steps).Select(s => s.Role).ToHashSet();
        Assert.Superset(Model.Responders.Select(r => r.Id).ToHashSet(), owners);
        Assert.All(owners, o => Assert.True(Model.Responders.Any(r => r.Id == o) || Model.Roles.Any(r => r.Id == o), o));
    }

    [Fact]
    public void Access_model_grants_audit_read_to_auditor_and_above_only()
    {
        Assert.Equal(new[] { "owner", "admin", "dept-lead", "auditor", "member", "viewer" }, Model.Roles.Select(r => r.Id));
        Assert.Equal(15, Model.Roles.Single(r => r.Id == "auditor").Level);
        Assert.Equal(26, Model.Permissions.Count());
        Assert.Equal(8, Model.PermissionCategories.Count);
        int auditorLevel = Model.Roles.Single(r => r.Id == "auditor").Level;
        foreach (var role in Model.Roles)
        {
            Assert.Equal(role.Level >= auditorLevel, role.Permissions.Contains("audit:read"));
        }
    }

    [Fact]
    public void Policies_declare_frameworks_residency_pii_detection_and_retention()
    {
        var policies = Model.Policies!;
        Assert.Equal(new[] { "soc2" }, policies.ActiveFrameworks);
        Assert.Equal(3, policies.DataCategories.Select(d => d.Residency).Distinct().Count());
        Assert.True(policies.PiiDetection.Enabled);
        Assert.True(policies.Retention.AuditLogDays >= 365);
    }
}
