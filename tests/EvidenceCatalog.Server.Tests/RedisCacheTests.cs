using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>The report cache in Redis: shared by servers, still per tenant, and never a reason for a request to fail.</summary>
public sealed class RedisCacheTests
{
    [RedisFact]
    public async Task Two_servers_share_reports_through_Redis_and_tenants_stay_apart()
    {
        string redis = RedisFactAttribute.Configuration ?? throw new InvalidOperationException($"{RedisFactAttribute.Variable} is not set, and with CI=true the Redis tests must run: start a server with .ci/redis.sh");
        // A window of its own, so entries of earlier runs on the same Redis cannot answer.
        var from = new DateOnly(2000, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        string query = $"/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register&from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}";
        var counter = new CacheTests.CountingSource("vendor-register");
        await using var first = await ServerHarness.StartAsync(o => o with { Redis = redis, SectionSources = [counter] }, withEvents: false);
        await using var second = await ServerHarness.StartAsync(o => o with { Redis = redis, SectionSources = [counter] }, withEvents: false);

        using var built = await first.GetAsync(query);
        second.Clock.Advance(TimeSpan.FromSeconds(30));
        using var shared = await second.GetAsync(query);
        using var crossTenant = await second.GetAsync(query, "auditor", ServerHarness.OtherOrg);

        Assert.Equal("miss", built.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", shared.Headers.GetValues("X-Cache").Single());
        Assert.Equal("30", shared.Headers.GetValues("Age").Single());
        Assert.Equal(await built.Content.ReadAsByteArrayAsync(), await shared.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, counter.Calls);
        Assert.Equal(HttpStatusCode.Forbidden, crossTenant.StatusCode);
    }

    [Fact]
    public async Task When_Redis_is_unreachable_reports_are_still_served()
    {
        await using var server = await ServerHarness.StartAsync(
            o => o with { Redis = "127.0.0.1:1,abortConnect=false,connectTimeout=200,asyncTimeout=200,syncTimeout=200,connectRetry=0" },
            withEvents: false);

        using var first = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register");
        using var second = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("miss", second.Headers.GetValues("X-Cache").Single());
    }
}
