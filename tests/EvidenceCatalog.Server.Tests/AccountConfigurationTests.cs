using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Server.Security;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// The attack: a token for account <c>acme</c> got a signed report whose compliance configuration was Northwind's. Now
/// each tenant's report names its own account, takes its values from <c>--accounts-dir</c>'s <c>ACCOUNT.json</c>, and
/// marks every value the policies catalog supplies for an organisation it does not describe as <c>catalog-default</c>.
/// </summary>
public sealed class AccountConfigurationTests
{
    private const string Acme = "acme";

    private const string AcmeConfiguration = """
        {
          "organization": { "name": "Acme Corp" },
          "activeFrameworks": ["soc2"],
          "piiDetection": { "enabled": false, "mode": "detect", "entities": ["email"], "minConfidencePercent": 90 },
          "dataCategories": [ { "id": "customer-data", "name": "Customer data", "residency": "local-only" } ],
          "retention": { "auditLogDays": 365, "evidenceDays": 1095, "incidentRecordDays": 730 }
        }
        """;

    [Fact]
    public async Task Each_tenant_gets_its_own_configuration_and_catalog_values_for_another_organisation_are_marked_defaults()
    {
        string accounts = Path.Combine(Path.GetTempPath(), "evidence-accounts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(accounts);
        await File.WriteAllTextAsync(Path.Combine(accounts, Acme + ".json"), AcmeConfiguration);
        try
        {
            await using var server = await StartAsync(o => o with { AccountsDirectory = accounts, Tokens = WithAcme(o.Tokens) }, kestrel: true);

            using var acme = await Report(server, Acme);
            using var contoso = await Report(server, OtherOrg);
            using var northwind = await Report(server, Org);

            var acmeConfig = Section(acme, "complianceConfig");
            Assert.Equal(Acme, acme.RootElement.GetProperty("meta").GetProperty("orgId").GetString());
            Assert.Equal("Acme Corp", acme.RootElement.GetProperty("meta").GetProperty("orgName").GetString());
            Assert.Equal((Acme, "Acme Corp"), (acmeConfig.GetProperty("organizationId").GetString(), acmeConfig.GetProperty("organizationName").GetString()));
            Assert.False(acmeConfig.GetProperty("piiDetection").GetProperty("enabled").GetBoolean());
            Assert.All(acmeConfig.GetProperty("sources").EnumerateObject(), s => Assert.Equal("account", s.Value.GetString()));
            Assert.Equal(("account", 1095), (Section(acme, "retentionPolicy").GetProperty("source").GetString(), Section(acme, "retentionPolicy").GetProperty("evidenceDays").GetInt32()));
            Assert.Equal("customer-data", Section(acme, "dataResidency").GetProperty("categories")[0].GetProperty("id").GetString());
            Assert.DoesNotContain("northwind-cloud", acme.RootElement.GetRawText(), StringComparison.Ordinal);

            var contosoConfig = Section(contoso, "complianceConfig");
            Assert.Equal(OtherOrg, contosoConfig.GetProperty("organizationId").GetString());
            Assert.False(contosoConfig.TryGetProperty("organizationName", out _));
            Assert.False(contoso.RootElement.GetProperty("meta").TryGetProperty("orgName", out _));
            Assert.All(contosoConfig.GetProperty("sources").EnumerateObject(), s => Assert.Equal("catalog-default", s.Value.GetString()));
            Assert.Equal("catalog-default", Section(contoso, "dataResidency").GetProperty("source").GetString());
            Assert.DoesNotContain("northwind-cloud", contoso.RootElement.GetRawText(), StringComparison.Ordinal);

            var northwindConfig = Section(northwind, "complianceConfig");
            Assert.Equal((Org, "Northwind Cloud, Inc."), (northwindConfig.GetProperty("organizationId").GetString(), northwindConfig.GetProperty("organizationName").GetString()));
            Assert.All(northwindConfig.GetProperty("sources").EnumerateObject(), s => Assert.Equal("catalog", s.Value.GetString()));
        }
        finally
        {
            Directory.Delete(accounts, recursive: true);
        }
    }

    [Fact]
    public async Task A_tenants_broken_configuration_degrades_its_policy_sections_only_and_names_the_field()
    {
        string accounts = Path.Combine(Path.GetTempPath(), "evidence-accounts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(accounts);
        await File.WriteAllTextAsync(Path.Combine(accounts, OtherOrg + ".json"), """{ "retention": { "auditLogDays": -1, "evidenceDays": 1, "incidentRecordDays": 1 } }""");
        try
        {
            await using var server = await StartAsync(o => o with { AccountsDirectory = accounts }, kestrel: true);

            using var contoso = await Report(server, OtherOrg);
            using var northwind = await Report(server, Org);

            foreach (string section in new[] { "complianceConfig", "dataResidency", "retentionPolicy" })
            {
                Assert.Equal("degraded", Section(contoso, section).GetProperty("status").GetString());
                Assert.Equal("account configuration contoso-health.json: retention.auditLogDays must be an integer from 1 to 2147483647, not -1", Section(contoso, section).GetProperty("reason").GetString());
                Assert.Equal("ok", Section(northwind, section).GetProperty("status").GetString());
            }
        }
        finally
        {
            Directory.Delete(accounts, recursive: true);
        }
    }

    private static async Task<JsonDocument> Report(ServerHarness server, string account)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/soc2-evidence?accountId=" + account);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token("auditor", account));
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(ReportVerifier.Verify(body, ServerHarness.VerificationKey).IsIntact);
        return JsonDocument.Parse(body);
    }

    private static JsonElement Section(JsonDocument report, string member) => report.RootElement.GetProperty("sections").GetProperty(member);

    /// <summary>The harness's tokens, made for <c>acme</c> too.</summary>
    private static ApiTokenFile WithAcme(ApiTokenFile tokens) =>
        ApiTokenFile.Parse(
            tokens.Path,
            [.. Catalog.Model.Roles.SelectMany(role => new[] { Org, OtherOrg, Acme }.Select(account => ApiTokenFile.Line(Token(role.Id, account), $"{role.Id}@{account}.example", account, role.Id)))],
            Catalog.Model);
}
