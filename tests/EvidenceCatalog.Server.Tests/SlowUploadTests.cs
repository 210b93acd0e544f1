using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Server.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// The slow-client attacks of issue 11, on a real Kestrel socket over loopback: a body trickled just above Kestrel's
/// minimum data rate must neither hold the store's write lock (everyone else's ingestion waits behind it) nor a thread
/// (the pool starves and even /healthz stops answering).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class SlowUploadTests
{
    /// <summary>What "promptly" means here: far below SQLite's 30 s lock wait, which is how the attack showed.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_slow_upload_locks_neither_another_tenant_nor_the_cli_out_of_the_store()
    {
        await using var server = await StartAsync(withEvents: false, kestrel: true);
        byte[] body = Bytes(Enumerable.Range(0, 200).Select(i => Line($"slow{i}")).ToArray());
        var slow = new TrickleBody(body, chunk: 200, interval: TimeSpan.FromMilliseconds(100)); // 2 KB/s: above Kestrel's 240 B/s
        var slowPost = server.PostEventsAsync(slow);
        await server.WaitForIngestionsAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(1)); // complete records of the slow body have arrived by now

        using var other = await server.PostEventsAsync(Content.JsonLines(Line("other1", account: OtherOrg)), account: OtherOrg).WaitAsync(Promptly);
        var cli = await Task.Run(() => IngestLikeTheCli(server.Options.Store.FilePath!, Line("cli1", account: OtherOrg))).WaitAsync(Promptly);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(1, cli.Total.Accepted);
        Assert.False(slowPost.IsCompleted);
        Assert.True(slow.Sent < body.Length, "the slow client was still sending while the others were served");
        slow.Release();
        using var slowResponse = await slowPost.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
        using var json = JsonDocument.Parse(await slowResponse.Content.ReadAsStringAsync());
        Assert.Equal(200, json.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(["cli1", "other1"], server.StoredIds(OtherOrg));
    }

    [Fact]
    public async Task Healthz_answers_while_60_clients_trickle_bodies()
    {
        const int Clients = 60;
        await using var server = await StartAsync(o => o with { MaxConcurrentIngestions = Clients, MaxConcurrentIngestionsPerAccount = Clients }, withEvents: false, kestrel: true);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients + 8 }) { BaseAddress = server.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        var bodies = Enumerable.Range(0, Clients)
            .Select(c => new TrickleBody(Bytes(Enumerable.Range(0, 20).Select(i => Line($"t{c}-{i}")).ToArray()), chunk: 100, interval: TimeSpan.FromMilliseconds(200)))
            .ToArray();
        var posts = bodies.Select(body => Post(client, body)).ToArray();
        await server.WaitForIngestionsAsync(Clients);
        await Task.Delay(TimeSpan.FromSeconds(1));

        // The bodies trickle 100 bytes every 200 ms: /healthz answering while every one of them is still arriving proves
        // the uploads do not hold it up (no timed bound here: how fast it answers is the load test's measure, in bench/).
        for (int probe = 0; probe < 5; probe++)
        {
            using var health = new HttpClient { BaseAddress = server.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await health.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(200);
        }

        Assert.True(bodies.All(b => b.Sent < b.Length), "every slow client was still sending while /healthz was asked");
        foreach (var body in bodies)
        {
            body.Release();
        }

        var responses = await Task.WhenAll(posts).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Clients * 20, server.StoredIds().Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>What <c>evidence ingest --store FILE</c> does: its own connection, the CLI's batch size.</summary>
    private static IngestionResult IngestLikeTheCli(string file, params string[] lines)
    {
        using var location = TestStores.Parse("sqlite:" + file);
        using var store = location.Open();
        var input = JsonLinesInput.Stream("cli.jsonl", () => new MemoryStream(Bytes(lines)));
        return new IngestionJob(Catalog).RunAsync(new JsonLinesSource(input), store).GetAwaiter().GetResult();
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = body };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token("admin"));
        return client.SendAsync(request);
    }
}
