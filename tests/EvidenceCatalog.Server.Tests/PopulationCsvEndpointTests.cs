using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// GET /api/soc2-evidence?format=csv: the evidence population as CSV, its detached signature in X-Evidence-Signature
/// and at format=csv.sig (the same build's), under the report's permissions, tenant check and caching.
/// </summary>
public sealed class PopulationCsvEndpointTests
{
    private const string Csv = "/api/soc2-evidence?accountId=northwind-cloud&format=csv";
    private const string Signature = "/api/soc2-evidence?accountId=northwind-cloud&format=csv.sig";

    [Fact]
    public async Task The_csv_is_the_population_and_its_signature_header_verifies_it()
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.GetAsync(Csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("evidence-population-2026-08-25-2026-11-22.csv", response.Content.Headers.ContentDisposition!.FileName);
        byte[] csv = await response.Content.ReadAsByteArrayAsync();
        string[] rows = Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("control_id,event_id,time,type,outcome,actor,account,resource,ip,attributes,criteria", rows[0]);
        Assert.True(rows.Length > 1000);
        Assert.All(rows.Skip(1), r => Assert.Contains(",northwind-cloud,", r, StringComparison.Ordinal));
        byte[] signature = Convert.FromBase64String(response.Headers.GetValues("X-Evidence-Signature").Single());
        var verified = DetachedVerifier.Verify(csv, signature, ServerHarness.VerificationKey);
        Assert.True(verified.IsIntact, verified.Reason);

        csv[^3] ^= 1;
        Assert.False(DetachedVerifier.Verify(csv, signature, ServerHarness.VerificationKey).IsIntact);
    }

    [Fact]
    public async Task Csv_sig_is_the_signature_of_the_csv_served_and_both_are_cached_like_the_report()
    {
        await using var server = await ServerHarness.StartAsync();

        using var first = await server.GetAsync(Csv);
        server.Clock.Advance(TimeSpan.FromSeconds(60));
        using var signature = await server.GetAsync(Signature);
        using var report = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");

        Assert.Equal(("miss", "0", "max-age=300, private"), Headers(first));
        Assert.Equal(("hit", "60", "max-age=240, private"), Headers(signature));
        Assert.Equal("application/json", signature.Content.Headers.ContentType!.MediaType);
        byte[] sigJson = await signature.Content.ReadAsByteArrayAsync();
        Assert.Equal(first.Headers.GetValues("X-Evidence-Signature").Single(), Convert.ToBase64String(sigJson));
        Assert.True(DetachedVerifier.Verify(await first.Content.ReadAsByteArrayAsync(), sigJson, ServerHarness.VerificationKey).IsIntact);
        using var sig = JsonDocument.Parse(sigJson);
        Assert.Equal("evidence-population-2026-08-25-2026-11-22.csv", sig.RootElement.GetProperty("file").GetString());
        Assert.Equal("miss", report.Headers.GetValues("X-Cache").Single());
        Assert.Equal("application/json", report.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Another_tenant_and_a_role_without_audit_read_are_refused_before_any_csv_is_built()
    {
        await using var server = await ServerHarness.StartAsync();

        using var otherTenant = await server.GetAsync(Csv, account: ServerHarness.OtherOrg);
        using var member = await server.GetAsync(Signature, role: "member");
        using var anonymous = await server.GetAsync(Csv, role: null);

        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.False(otherTenant.Headers.Contains("X-Evidence-Signature"));
    }

    [Theory]
    [InlineData("&format=xml", "there is no format 'xml'; give one of: json, csv, csv.sig")]
    [InlineData("&format=csv&section=vendor-register", "format=csv is the evidence population of every control; it has no sections: leave out section")]
    public async Task An_unknown_format_or_a_csv_of_one_section_is_400(string query, string detail)
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private static (string Cache, string Age, string CacheControl) Headers(System.Net.Http.HttpResponseMessage response) =>
        (response.Headers.GetValues("X-Cache").Single(), response.Headers.GetValues("Age").Single(), response.Headers.CacheControl!.ToString());
}
