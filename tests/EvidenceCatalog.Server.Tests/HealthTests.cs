using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Tests.Shared;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>/healthz, /readyz, and problem details for every error.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_and_readyz_answer_without_a_token()
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var health = await server.GetAsync("/healthz", role: null);
        using var ready = await server.GetAsync("/readyz", role: null);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("sqlite:", json.RootElement.GetProperty("store").GetString());
    }

    [Fact]
    public async Task Readyz_is_503_when_the_store_cannot_be_used()
    {
        await using var missing = TestStores.Parse("sqlite:" + Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.db"));
        await using var server = await ServerHarness.StartAsync(o => o with { Store = missing }, withEvents: false);

        using var ready = await server.GetAsync("/readyz", role: null);
        using var health = await server.GetAsync("/healthz", role: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Not ready", (await AuthenticationTests.Problem(ready)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Readyz_never_shows_a_password_whatever_its_quoting()
    {
        // Port 1 refuses at once: the 503 detail names the store, and must do so without the password.
        await using var unreachable = TestStores.Parse("postgres:Host=127.0.0.1;Port=1;Timeout=3;Password=\"x\"\"y;Secret\";SSL Password='Secret'");
        await using var server = await ServerHarness.StartAsync(o => o with { Store = unreachable }, withEvents: false, kestrel: true);

        using var ready = await server.GetAsync("/readyz", role: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        string body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("postgres:Host=127.0.0.1;Port=1;Timeout=3", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problem_details()
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var notFound = await server.GetAsync("/api/nothing-here");
        using var wrongMethod = await server.Client.DeleteAsync("/api/soc2-evidence");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(404, (await AuthenticationTests.Problem(notFound)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(405, (await AuthenticationTests.Problem(wrongMethod)).GetProperty("status").GetInt32());
    }
}
