using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>Bearer tokens, roles from the access catalog, and the permission each endpoint needs.</summary>
public sealed class AuthenticationTests
{
    private const string Report = "/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register";

    /// <summary>Every role of the sample access catalog, with whether it grants <c>audit:read</c>.</summary>
    public static TheoryData<string, bool> Roles()
    {
        var data = new TheoryData<string, bool>();
        foreach (var role in ServerHarness.Catalog.Model.Roles)
        {
            data.Add(role.Id, role.Permissions.Contains("audit:read"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_reads_evidence_only_when_it_grants_audit_read(string role, bool grantsAuditRead)
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.GetAsync(Report, role);

        Assert.Equal(grantsAuditRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        if (!grantsAuditRead)
        {
            var problem = await Problem(response);
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
            Assert.StartsWith($"role '{role}' (level ", problem.GetProperty("detail").GetString());
            Assert.EndsWith("does not grant 'audit:read'", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task The_sample_catalog_gives_auditor_and_above_audit_read_and_not_member_or_viewer()
    {
        var granted = ServerHarness.Catalog.Model.Roles.Where(r => r.Permissions.Contains("audit:read")).Select(r => r.Id).ToHashSet();

        Assert.Superset(new HashSet<string> { "owner", "admin", "auditor" }, granted);
        Assert.DoesNotContain("member", granted);
        Assert.DoesNotContain("viewer", granted);
        Assert.All(ServerHarness.Catalog.Model.Roles.Where(r => granted.Contains(r.Id)), r => Assert.True(r.Level >= 15));
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.GetAsync(Report, role: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"evidence\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("this endpoint needs an API token: send 'Authorization: Bearer TOKEN'", (await Problem(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Bearer evc_not-a-token")]
    [InlineData("Bearer evc_test-northwind-cloud-auditorX")]
    public async Task An_unknown_token_is_401_invalid_token(string header)
    {
        using var response = await WithAuthorization(header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Basic YWRhOnNlY3JldA==")]
    [InlineData("Bearer ")]
    [InlineData("evc_test-northwind-cloud-auditor")]
    public async Task A_header_without_a_bearer_token_is_401(string header)
    {
        using var response = await WithAuthorization(header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"evidence\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("owner", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("member", HttpStatusCode.Forbidden)]
    public async Task Posting_events_needs_evidence_ingest(string role, HttpStatusCode expected)
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.PostEventsAsync(Content.JsonLines(ServerHarness.Line("p1")), role);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_token_file_holds_hashes_and_a_line_with_the_token_itself_is_refused()
    {
        string token = Security.ApiTokenFile.NewToken();
        string line = Security.ApiTokenFile.Line(token, "ada@example.com", "northwind-cloud", "auditor");

        Assert.DoesNotContain(token, line);
        Assert.Matches("^sha256:[0-9a-f]{64} ada@example.com northwind-cloud auditor$", line);
        var failure = Assert.Throws<Security.ApiTokenFileException>(() => Security.ApiTokenFile.Parse("tokens.txt", ["# tokens", "", $"{token} ada northwind-cloud auditor"], ServerHarness.Catalog.Model));
        Assert.Equal("tokens.txt(3): the first field must be 'sha256:' and 64 hex digits (the token's SHA-256), never the token itself", failure.Message);
    }

    [Theory]
    [InlineData("sha256:00 ada acme auditor", "tokens.txt(1): the first field must be 'sha256:' and 64 hex digits (the token's SHA-256), never the token itself")]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000 ada acme", "tokens.txt(1): expected 'sha256:HEX USER ACCOUNT ROLE [CREATED]', found 3 field(s)")]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000 ada acme root", "tokens.txt(1): role 'root' is not a role of the access catalog; roles are: owner, admin, dept-lead, auditor, member, viewer")]
    public void A_malformed_token_line_is_refused_naming_file_and_line(string line, string message)
    {
        var failure = Assert.Throws<Security.ApiTokenFileException>(() => Security.ApiTokenFile.Parse("tokens.txt", [line], ServerHarness.Catalog.Model));

        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void The_same_hash_twice_is_refused()
    {
        string line = Security.ApiTokenFile.Line("evc_x", "ada", "acme", "auditor");

        var failure = Assert.Throws<Security.ApiTokenFileException>(() => Security.ApiTokenFile.Parse("t", [line, line], ServerHarness.Catalog.Model));

        Assert.Equal("t(2): the same token hash is listed twice", failure.Message);
    }

    /// <summary>The report request with exactly this Authorization header.</summary>
    private static async Task<HttpResponseMessage> WithAuthorization(string header)
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);
        var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var response = await server.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    internal static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
