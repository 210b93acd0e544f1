using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>GET /api/soc2-evidence: the full signed report, single sections, windows, and tenant isolation.</summary>
public sealed class ReportEndpointTests
{
    [Fact]
    public async Task The_full_report_is_signed_has_nine_ok_sections_and_the_default_window_is_the_last_90_complete_days()
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(ReportVerifier.Verify(body, ServerHarness.VerificationKey).IsIntact);
        using var json = JsonDocument.Parse(body);
        var meta = json.RootElement.GetProperty("meta");
        Assert.Equal("1.1.0", meta.GetProperty("reportVersion").GetString());
        Assert.Equal("northwind-cloud", meta.GetProperty("orgId").GetString());
        Assert.Equal("2026-08-25", meta.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal("2026-11-22", meta.GetProperty("window").GetProperty("to").GetString());
        Assert.Equal(90, meta.GetProperty("window").GetProperty("days").GetInt32());
        Assert.Equal(9000, meta.GetProperty("ingestion").GetProperty("inWindow").GetInt64());
        var sections = json.RootElement.GetProperty("sections").EnumerateObject().ToList();
        Assert.Equal(SectionDefinitions.All.Select(d => d.Member), sections.Select(s => s.Name));
        Assert.All(sections, s => Assert.Equal("ok", s.Value.GetProperty("status").GetString()));
        Assert.All(sections, s => Assert.Equal("2026-11-23T12:00:00Z", s.Value.GetProperty("generatedAt").GetString()));
        Assert.True(json.RootElement.GetProperty("validation").GetProperty("typeII").GetBoolean());
        Assert.Equal("max-age=300, private", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("access-review")]
    [InlineData("security-metrics")]
    [InlineData("encryption-inventory")]
    [InlineData("vendor-register")]
    [InlineData("incident-response")]
    [InlineData("audit-log-summary")]
    [InlineData("compliance-config")]
    [InlineData("data-residency")]
    [InlineData("retention-policy")]
    public async Task A_section_is_returned_alone_and_signed(string section)
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.GetAsync($"/api/soc2-evidence?accountId=northwind-cloud&section={section}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(ReportVerifier.Verify(body, ServerHarness.VerificationKey).IsIntact);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["meta", "sections", "signatures"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var only = Assert.Single(json.RootElement.GetProperty("sections").EnumerateObject());
        Assert.Equal(SectionDefinitions.Get(section).Member, only.Name);
        Assert.Equal("ok", only.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_section_is_400_listing_the_valid_ones()
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&section=controls");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AuthenticationTests.Problem(response);
        Assert.StartsWith("there is no section 'controls'; give one of: access-review, security-metrics, encryption-inventory, vendor-register, incident-response,", problem.GetProperty("detail").GetString());
        Assert.Equal(SectionDefinitions.Names, problem.GetProperty("validSections").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("", "give the account: ?accountId=ID")]
    [InlineData("accountId=northwind-cloud&from=2026-02-30", "from must be a real calendar date written YYYY-MM-DD (e.g. 2026-08-25), not '2026-02-30'")]
    [InlineData("accountId=northwind-cloud&to=yesterday", "to must be a real calendar date written YYYY-MM-DD (e.g. 2026-11-23), not 'yesterday'")]
    [InlineData("accountId=northwind-cloud&from=2026-10-01&to=2026-09-01", "the window ends (2026-09-01) before it starts (2026-10-01)")]
    [InlineData("accountId=northwind-cloud&tz=Mars/Olympus", "unknown time zone 'Mars/Olympus': give an IANA id such as UTC, Europe/Berlin or America/New_York")]
    [InlineData("accountId=northwind-cloud&from=2000-01-01&to=2026-01-01", "the window is 9498 days; at most 3660 are allowed")]
    [InlineData("accountId=northwind-cloud&tz=America", "unknown time zone 'America': give an IANA id such as UTC, Europe/Berlin or America/New_York")]
    [InlineData("accountId=northwind-cloud&from=0001-01-01&to=0001-01-31", "the window 0001-01-01..0001-01-31 is outside the dates a report can cover: its days must lie between 0002-01-01 and 9998-12-31")]
    [InlineData("accountId=northwind-cloud&to=0001-01-01", "the window 0001-01-01..0001-01-01 is outside the dates a report can cover: its days must lie between 0002-01-01 and 9998-12-31")]
    [InlineData("accountId=northwind-cloud&from=9999-12-01&to=9999-12-31&tz=Pacific/Kiritimati", "the window 9999-12-01..9999-12-31 is outside the dates a report can cover: its days must lie between 0002-01-01 and 9998-12-31")]
    public async Task Bad_parameters_are_400_problems(string query, string detail)
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.GetAsync("/api/soc2-evidence?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await AuthenticationTests.Problem(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_window_and_zone_can_be_given()
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&section=security-metrics&from=2026-10-01&to=2026-10-31&tz=Europe/Berlin");

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var window = json.RootElement.GetProperty("meta").GetProperty("window");
        Assert.Equal(("2026-10-01", "2026-10-31", "Europe/Berlin", 31), (window.GetProperty("from").GetString(), window.GetProperty("to").GetString(), window.GetProperty("tz").GetString(), window.GetProperty("days").GetInt32()));
    }

    [Fact]
    public async Task Another_tenants_account_is_refused()
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud", "owner", ServerHarness.OtherOrg);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("this token may read account 'contoso-health' only, not 'northwind-cloud'", (await AuthenticationTests.Problem(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_cached_report_is_never_served_to_another_tenant()
    {
        await using var server = await ServerHarness.StartAsync();
        using var own = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");
        Assert.Equal("miss", own.Headers.GetValues("X-Cache").Single());

        using var cross = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud", "auditor", ServerHarness.OtherOrg);
        using var theirs = await server.GetAsync("/api/soc2-evidence?accountId=contoso-health", "auditor", ServerHarness.OtherOrg);

        Assert.Equal(HttpStatusCode.Forbidden, cross.StatusCode);
        Assert.False(cross.Headers.Contains("X-Cache"));
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.Equal("miss", theirs.Headers.GetValues("X-Cache").Single());
        using var json = JsonDocument.Parse(await theirs.Content.ReadAsByteArrayAsync());
        Assert.Equal("contoso-health", json.RootElement.GetProperty("meta").GetProperty("orgId").GetString());
        Assert.NotEqual(await own.Content.ReadAsByteArrayAsync(), await theirs.Content.ReadAsByteArrayAsync());
    }
}
