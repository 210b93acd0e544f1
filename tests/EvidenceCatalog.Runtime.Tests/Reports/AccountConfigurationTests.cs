using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Accounts;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>
/// A report states its own account's policies: from the account's configuration, else from the policies catalog —
/// labelled <c>catalog</c> when the catalog describes that account, <c>catalog-default</c> when it describes another —
/// and never presents another organisation's name as the account's. The configuration is read strictly.
/// </summary>
public sealed class AccountConfigurationTests
{
    private const string Acme = """
        {
          "organization": { "id": "acme", "name": "Acme Corp" },
          "dataCategories": [ { "id": "customer-data", "name": "Customer data", "residency": "local-only" } ],
          "retention": { "auditLogDays": 365, "evidenceDays": 1095, "incidentRecordDays": 730 }
        }
        """;

    private static AccountConfiguration Parse(string json, string account = "acme") => AccountConfiguration.Parse(Encoding.UTF8.GetBytes(json), "acme.json", account);

    private static Task<ReportResult> Run(string account, AccountConfigurationSource? configuration) =>
        new ReportJob(Catalog, Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31)) with { Account = account, AccountConfiguration = configuration })
            .RunAsync(Source(Line("a", "2026-03-02T10:00:00Z", account: account)));

    [Fact]
    public async Task Another_account_without_a_configuration_is_named_as_itself_and_every_catalog_value_is_marked_a_default()
    {
        var report = (await Run("acme", null)).Report;

        var config = report.Sections.Get(SectionDefinitions.ComplianceConfig);
        Assert.Equal(("acme", (string?)null, (string?)null), (config.OrganizationId, config.OrganizationName, report.Meta.OrgName));
        Assert.Equal(new[] { ("activeFrameworks", "catalog-default"), ("piiDetection", "catalog-default") }, config.Sources!.Select(s => (s.Key, s.Value)));
        Assert.Equal("catalog-default", report.Sections.Get(SectionDefinitions.DataResidency).Source);
        Assert.Equal("catalog-default", report.Sections.Get(SectionDefinitions.RetentionPolicy).Source);
        Assert.DoesNotContain("northwind-cloud", Encoding.UTF8.GetString(ReportJson.Serialize(report)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogs_own_organisation_gets_its_values_marked_catalog()
    {
        var report = (await Run(Org, null)).Report;

        var config = report.Sections.Get(SectionDefinitions.ComplianceConfig);
        Assert.Equal((Org, "Northwind Cloud, Inc."), (config.OrganizationId, config.OrganizationName));
        Assert.All(config.Sources!.Values, source => Assert.Equal("catalog", source));
        Assert.Equal(3, config.Sources!.Count);
        Assert.Equal("catalog", report.Sections.Get(SectionDefinitions.RetentionPolicy).Source);
    }

    [Fact]
    public async Task A_configuration_supplies_what_it_says_and_the_catalog_stands_in_for_the_rest()
    {
        var report = (await Run("acme", AccountConfigurationSource.FromConfiguration(Parse(Acme), "acme.json"))).Report;

        var config = report.Sections.Get(SectionDefinitions.ComplianceConfig);
        Assert.Equal(("acme", "Acme Corp", "Acme Corp"), (config.OrganizationId, config.OrganizationName, report.Meta.OrgName));
        Assert.Equal(new[] { ("activeFrameworks", "catalog-default"), ("organizationName", "account"), ("piiDetection", "catalog-default") }, config.Sources!.Select(s => (s.Key, s.Value)));
        var residency = report.Sections.Get(SectionDefinitions.DataResidency);
        Assert.Equal(("account", "customer-data", "local-only"), (residency.Source, residency.Categories.Single().Id, residency.Categories.Single().Residency));
        var retention = report.Sections.Get(SectionDefinitions.RetentionPolicy);
        Assert.Equal(("account", 365, 1095, 730), (retention.Source, retention.AuditLogDays, retention.EvidenceDays, retention.IncidentRecordDays));
    }

    [Fact]
    public async Task A_configuration_file_that_breaks_degrades_the_policy_sections_with_its_reason()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidence-account-" + Guid.NewGuid().ToString("N") + ".json");
        await System.IO.File.WriteAllTextAsync(path, """{ "retention": { "auditLogDays": 0, "evidenceDays": 1, "incidentRecordDays": 1 } }""");
        try
        {
            var report = (await Run("acme", AccountConfigurationSource.FromFile(path, "acme.json"))).Report;

            const string Reason = "account configuration acme.json: retention.auditLogDays must be an integer from 1 to 2147483647, not 0";
            Assert.Equal((ReportSection.Degraded, Reason), (report.Sections.Get(SectionDefinitions.ComplianceConfig).Status, report.Sections.Get(SectionDefinitions.ComplianceConfig).Reason));
            Assert.Equal(Reason, report.Sections.Get(SectionDefinitions.DataResidency).Reason);
            Assert.Equal(Reason, report.Sections.Get(SectionDefinitions.RetentionPolicy).Reason);
            Assert.Equal(ReportSection.Ok, report.Sections.Get(SectionDefinitions.VendorRegister).Status);
            Assert.Equal("acme", report.Sections.Get(SectionDefinitions.ComplianceConfig).OrganizationId);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Theory]
    [InlineData("", "account configuration acme.json is empty")]
    [InlineData("[]", "account configuration acme.json must be a JSON object (with optional 'organization', 'activeFrameworks', 'piiDetection', 'dataCategories', 'retention')")]
    [InlineData("{\"colour\": 1}", "account configuration acme.json: colour is unknown; an account configuration may have: organization, activeFrameworks, piiDetection, dataCategories, retention")]
    [InlineData("{\"retention\": {\"auditLogDays\": 1}}", "account configuration acme.json: retention.evidenceDays is missing; retention needs auditLogDays, evidenceDays, incidentRecordDays")]
    [InlineData("{\"retention\": {\"auditLogDays\": 9007199254740993, \"evidenceDays\": 1, \"incidentRecordDays\": 1}}", "account configuration acme.json: retention.auditLogDays must be an integer from 1 to 2147483647, not 9007199254740993")]
    [InlineData("{\"retention\": {\"auditLogDays\": 1.5, \"evidenceDays\": 1, \"incidentRecordDays\": 1}}", "account configuration acme.json: retention.auditLogDays must be an integer from 1 to 2147483647, not 1.5")]
    [InlineData("{\"piiDetection\": {\"enabled\": true, \"mode\": \"hide\", \"entities\": [\"email\"], \"minConfidencePercent\": 80}}", "account configuration acme.json: piiDetection.mode must be one of detect, redact, block, not \"hide\"")]
    [InlineData("{\"piiDetection\": {\"enabled\": \"yes\", \"mode\": \"redact\", \"entities\": [\"email\"], \"minConfidencePercent\": 80}}", "account configuration acme.json: piiDetection.enabled must be true or false")]
    [InlineData("{\"piiDetection\": {\"enabled\": true, \"mode\": \"redact\", \"entities\": [\"email\", \"email\"], \"minConfidencePercent\": 101}}", "account configuration acme.json: piiDetection.entities holds 'email' twice")]
    [InlineData("{\"dataCategories\": [{\"id\": \"Customer Data\", \"name\": \"x\", \"residency\": \"local-only\"}]}", "account configuration acme.json: dataCategories[0].id must be a kebab-case id (e.g. customer-content), not 'Customer Data'")]
    [InlineData("{\"dataCategories\": [{\"id\": \"a\", \"name\": \"x\", \"residency\": \"cloud_sync\"}]}", "account configuration acme.json: dataCategories[0].residency must be one of local-only, cloud-sync, cloud-redacted, not \"cloud_sync\"")]
    [InlineData("{\"dataCategories\": []}", "account configuration acme.json: dataCategories must be a non-empty array")]
    [InlineData("{\"organization\": {\"id\": \"northwind-cloud\", \"name\": \"Northwind\"}}", "account configuration acme.json: organization.id is 'northwind-cloud', but the file is the configuration of account 'acme'; leave the id out or make it 'acme'")]
    [InlineData("{\"organization\": {\"name\": \"\"}}", "account configuration acme.json: organization.name must be a non-empty string")]
    [InlineData("{\"organization\": {\"name\": \"A\"}, \"organization\": {\"name\": \"B\"}}", "account configuration acme.json is not valid JSON")]
    public void A_configuration_is_read_strictly_naming_the_file_and_the_field(string json, string message)
    {
        var refused = Assert.Throws<AccountConfigurationException>(() => Parse(json));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_the_catalogs_do_not_declare_is_refused()
    {
        var configuration = Parse("""{ "activeFrameworks": ["soc2", "iso27001"] }""");

        var refused = Assert.Throws<AccountConfigurationException>(() => AccountPolicies.Resolve(Catalog.Model, "acme", configuration, "acme.json"));

        Assert.Equal("account configuration acme.json: activeFrameworks names 'iso27001', which the catalogs do not declare (they declare: soc2)", refused.Message);
    }
}
