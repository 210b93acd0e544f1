using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Tests.Shared;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>A section whose source throws or hangs is degraded inside the signed report, which still returns and is not cached.</summary>
public sealed class DegradedSectionTests
{
    private const string Report = "/api/soc2-evidence?accountId=northwind-cloud";

    [Fact]
    public async Task A_throwing_source_degrades_its_section_and_the_report_is_not_cached()
    {
        var throwing = new ThrowingSource("access-review");
        await using var server = await ServerHarness.StartAsync(o => o with { SectionSources = [throwing] });

        using var first = await server.GetAsync(Report);
        using var second = await server.GetAsync(Report);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        byte[] body = await first.Content.ReadAsByteArrayAsync();
        Assert.True(ReportVerifier.Verify(body, ServerHarness.VerificationKey).IsIntact);
        using var json = JsonDocument.Parse(body);
        var access = json.RootElement.GetProperty("sections").GetProperty("accessReview");
        Assert.Equal("degraded", access.GetProperty("status").GetString());
        Assert.Equal("the section could not be built: the identity provider is down", access.GetProperty("reason").GetString());
        Assert.Empty(access.GetProperty("users").EnumerateArray());
        Assert.Equal("ok", json.RootElement.GetProperty("sections").GetProperty("vendorRegister").GetProperty("status").GetString());
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.False(first.Headers.Contains("Age"));
        Assert.Equal("miss", second.Headers.GetValues("X-Cache").Single());
        Assert.Equal(2, throwing.Calls);
    }

    [Fact]
    public async Task A_snapshot_count_beyond_2_pow_53_degrades_the_access_review_and_the_report_is_served_signed()
    {
        await using var server = await ServerHarness.StartAsync(kestrel: true);
        await System.IO.File.WriteAllTextAsync(
            System.IO.Path.Combine(server.Options.AccessDirectory!, ServerHarness.Org + ".json"),
            "{\"users\":[{\"id\":\"alice@northwind.example\",\"role\":\"admin\",\"resourceAccess\":{\"docs\":9007199254740993}}]}");

        using var response = await server.GetAsync(Report);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(ReportVerifier.Verify(body, ServerHarness.VerificationKey).IsIntact);
        using var json = JsonDocument.Parse(body);
        var access = json.RootElement.GetProperty("sections").GetProperty("accessReview");
        Assert.Equal("degraded", access.GetProperty("status").GetString());
        Assert.Equal("access snapshot northwind-cloud.json: users[0].resourceAccess.docs must be an integer from 0 to 9007199254740991 (2^53 - 1), not 9007199254740993", access.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_hanging_source_is_degraded_at_the_section_timeout_and_the_rest_returns()
    {
        var hanging = new HangingSource("security-metrics");
        await using var server = await ServerHarness.StartAsync(o => o with { SectionSources = [hanging], SectionTimeout = TimeSpan.FromMilliseconds(300) });

        using var response = await server.GetAsync(Report);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var metrics = json.RootElement.GetProperty("sections").GetProperty("securityMetrics");
        Assert.Equal("degraded", metrics.GetProperty("status").GetString());
        Assert.Equal("the section's source did not answer within 0.3 s", metrics.GetProperty("reason").GetString());
        Assert.Empty(metrics.GetProperty("metrics").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("controls").EnumerateObject(), c => c.Value.GetProperty("evidenceCount").GetInt64() > 0);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        await hanging.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_hanging_single_section_is_returned_degraded()
    {
        await using var server = await ServerHarness.StartAsync(o => o with { SectionSources = [new HangingSource("access-review")], SectionTimeout = TimeSpan.FromMilliseconds(200) });

        using var response = await server.GetAsync(Report + "&section=access-review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("degraded", json.RootElement.GetProperty("sections").GetProperty("accessReview").GetProperty("status").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Without_a_snapshot_for_the_account_the_access_review_is_degraded_and_says_why()
    {
        await using var server = await ServerHarness.StartAsync(o => o with { AccessDirectory = null });

        using var response = await server.GetAsync(Report + "&section=access-review");

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var access = json.RootElement.GetProperty("sections").GetProperty("accessReview");
        Assert.Equal("the server has no access snapshots (a folder of ACCOUNT.json files)", access.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task When_the_store_is_unavailable_the_report_is_503_with_retry_after()
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);
        await using var missing = TestStores.Parse("sqlite:" + System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.db"));
        await using var broken = await ServerHarness.StartAsync(o => o with { Store = missing }, withEvents: false);

        using var response = await broken.GetAsync(Report);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.GetValues("Retry-After").Single());
        Assert.EndsWith("; try again later", (await AuthenticationTests.Problem(response)).GetProperty("detail").GetString());
    }

    private sealed class ThrowingSource(string name) : ISectionSource
    {
        private int calls;

        public int Calls => calls;

        public string Name => name;

        public bool ReadsEvents => false;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("the identity provider is down");
        }
    }

    private sealed class HangingSource(string name) : ISectionSource
    {
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public bool ReadsEvents => SectionDefinitions.Get(name).DefaultSource.ReadsEvents;

        public async Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            cancellationToken.Register(() => Cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            throw new InvalidOperationException("unreachable");
        }
    }
}
