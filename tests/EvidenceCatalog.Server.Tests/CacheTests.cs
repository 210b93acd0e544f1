using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>Reports cached for five minutes per account, section and window, with Cache-Control and Age; never degraded ones.</summary>
public sealed class CacheTests
{
    private const string Vendors = "/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register";

    [Fact]
    public async Task A_second_request_is_a_hit_with_its_age_and_expires_after_five_minutes()
    {
        var counter = new CountingSource("vendor-register");
        await using var server = await ServerHarness.StartAsync(o => o with { SectionSources = [counter] }, withEvents: false);

        using var first = await server.GetAsync(Vendors);
        server.Clock.Advance(TimeSpan.FromSeconds(120));
        using var second = await server.GetAsync(Vendors);
        server.Clock.Advance(TimeSpan.FromSeconds(180));
        using var third = await server.GetAsync(Vendors);

        Assert.Equal(("miss", "0", "max-age=300, private"), Headers(first));
        Assert.Equal(("hit", "120", "max-age=180, private"), Headers(second));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(("miss", "0", "max-age=300, private"), Headers(third));
        Assert.Equal(2, counter.Calls);
    }

    [Fact]
    public async Task Sections_windows_and_zones_are_cached_apart()
    {
        var counter = new CountingSource("vendor-register");
        await using var server = await ServerHarness.StartAsync(o => o with { SectionSources = [counter] }, withEvents: false);

        foreach (string query in new[] { "", "&from=2026-10-01&to=2026-10-31", "&from=2026-10-01&to=2026-10-31&tz=Europe/Berlin", "&from=2026-10-01&to=2026-10-31" })
        {
            using var response = await server.GetAsync(Vendors + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var full = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");

        Assert.Equal(4, counter.Calls);
        Assert.Equal("miss", full.Headers.GetValues("X-Cache").Single());
    }

    [Fact]
    public async Task With_a_zero_duration_nothing_is_cached()
    {
        var counter = new CountingSource("vendor-register");
        await using var server = await ServerHarness.StartAsync(o => o with { SectionSources = [counter], CacheDuration = TimeSpan.Zero }, withEvents: false);

        using var first = await server.GetAsync(Vendors);
        using var second = await server.GetAsync(Vendors);

        Assert.Equal(2, counter.Calls);
        Assert.Equal("miss", second.Headers.GetValues("X-Cache").Single());
    }

    private static (string Cache, string Age, string CacheControl) Headers(System.Net.Http.HttpResponseMessage response) =>
        (response.Headers.GetValues("X-Cache").Single(), response.Headers.GetValues("Age").Single(), response.Headers.CacheControl!.ToString());

    /// <summary>The built-in source of a section, counting its calls.</summary>
    internal sealed class CountingSource(string name) : ISectionSource
    {
        private int calls;

        public int Calls => calls;

        public string Name => name;

        public bool ReadsEvents => SectionDefinitions.Get(name).DefaultSource.ReadsEvents;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return SectionDefinitions.Get(name).DefaultSource.BuildAsync(context, cancellationToken);
        }
    }
}
