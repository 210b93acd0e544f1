using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// A served report counts its own account's rows only: another tenant's volume is in none of its numbers, so tenant A
/// cannot watch tenant B's ingestion through <c>meta.ingestion</c>.
/// </summary>
public sealed class OtherTenantVolumeTests
{
    private const string Report = "/api/soc2-evidence?accountId=northwind-cloud";

    [Fact]
    public async Task Tenant_As_report_does_not_change_when_tenant_B_posts_events()
    {
        await using var server = await StartAsync(kestrel: true);

        using var before = await server.GetAsync(Report);
        var posted = Enumerable.Range(0, 777).Select(i => Line("b-" + i, account: OtherOrg)).ToArray();
        using var ingest = await server.PostEventsAsync(Content.JsonLines(posted), account: OtherOrg);
        server.Clock.Advance(server.Options.CacheDuration + TimeSpan.FromSeconds(1)); // past the cache: the report is built again
        using var after = await server.GetAsync(Report);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (before.StatusCode, ingest.StatusCode, after.StatusCode));
        Assert.Equal("miss", after.Headers.GetValues("X-Cache").Single());
        using var first = JsonDocument.Parse(await before.Content.ReadAsByteArrayAsync());
        using var second = JsonDocument.Parse(await after.Content.ReadAsByteArrayAsync());
        var ingestion = first.RootElement.GetProperty("meta").GetProperty("ingestion");
        Assert.Equal(0, ingestion.GetProperty("otherAccounts").GetInt64());
        Assert.Equal(
            ingestion.GetProperty("read").GetInt64(),
            ingestion.GetProperty("inWindow").GetInt64() + ingestion.GetProperty("outsideWindow").GetInt64() + ingestion.GetProperty("rejected").GetInt64());
        foreach (string count in new[] { "read", "accepted", "duplicates", "rejected", "inWindow", "outsideWindow", "otherAccounts" })
        {
            Assert.Equal(ingestion.GetProperty(count).GetInt64(), second.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty(count).GetInt64());
        }

        Assert.Equal(first.RootElement.GetProperty("controls").GetRawText(), second.RootElement.GetProperty("controls").GetRawText());
        Assert.Equal(first.RootElement.GetProperty("validation").GetRawText(), second.RootElement.GetProperty("validation").GetRawText());
    }

    [Fact]
    public async Task A_tenant_without_events_gets_an_empty_count_not_the_others_names()
    {
        await using var server = await StartAsync(withEvents: false, kestrel: true);
        using var posted = await server.PostEventsAsync(Content.JsonLines(Line("a1"), Line("a2")));

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=" + OtherOrg, account: OtherOrg);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (posted.StatusCode, response.StatusCode));
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var ingestion = json.RootElement.GetProperty("meta").GetProperty("ingestion");
        Assert.Equal((0L, 0L, 0L), (ingestion.GetProperty("read").GetInt64(), ingestion.GetProperty("accepted").GetInt64(), ingestion.GetProperty("otherAccounts").GetInt64()));
    }
}
