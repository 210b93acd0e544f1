using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Tests.Shared;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Synthetic;
using EvidenceCatalog.Server.Ingestion;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EvidenceCatalog.Server.Tests.Infrastructure;

/// <summary>
/// The evidence server on the ASP.NET Core test host, over a real SQLite store (or a PostgreSQL one) in a temporary
/// folder, with a token per role of the sample access catalog for two tenants, an HMAC key, a fake clock, and access
/// snapshots for both tenants.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string Org = "northwind-cloud";
    public const string OtherOrg = "contoso-health";

    /// <summary>The fake "now": 2026-11-23 12:00 UTC, so the default window is 2026-08-25..2026-11-22.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly byte[] HmacKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly string folder;
    private readonly WebApplication app;

    private ServerHarness(string folder, WebApplication app, ServerOptions options, FakeClock clock, bool kestrel)
    {
        this.folder = folder;
        this.app = app;
        Options = options;
        Clock = clock;
        Client = kestrel ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient();
    }

    public static IEvidenceCatalog Catalog => GeneratedEvidenceCatalog.Instance;

    public ServerOptions Options { get; }

    /// <summary>The temporary folder of this server's files: its store, token file and access snapshots.</summary>
    public string Folder => folder;

    public FakeClock Clock { get; }

    public HttpClient Client { get; }

    public static VerificationKey VerificationKey => Runtime.Signing.VerificationKey.FromHmacKey(HmacKey);

    /// <summary>The plain token of <paramref name="role"/> on <paramref name="account"/>.</summary>
    public static string Token(string role, string account = Org) => $"evc_test-{account}-{role}";

    /// <summary>Starts a server; <paramref name="configure"/> changes its options; <paramref name="storeSpec"/> null means a fresh SQLite file.</summary>
    public static async Task<ServerHarness> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, string? storeSpec = null, bool withEvents = true, bool kestrel = false)
    {
        string folder = Path.Combine(Path.GetTempPath(), "evidence-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "access"));
        var clock = new FakeClock(Now);
        // One transaction per request, as evidence serve parses its store.
        var location = TestStores.Parse(storeSpec ?? "sqlite:" + Path.Combine(folder, "events.db"), new EventStoreLocationOptions { BatchSize = int.MaxValue });
        location.Initialize();
        if (withEvents)
        {
            Fill(location, Org, seed: 1);
            Fill(location, OtherOrg, seed: 2);
        }

        foreach (string account in new[] { Org, OtherOrg })
        {
            using var file = File.Create(Path.Combine(folder, "access", account + ".json"));
            AccessSnapshotWriter.Write(SyntheticAccessSnapshot.Create(Catalog.Model, account, 7, Now.AddDays(-1)), file);
        }

        var lines = Catalog.Model.Roles
            .SelectMany(role => new[] { Org, OtherOrg }.Select(account => ApiTokenFile.Line(Token(role.Id, account), $"{role.Id}@{account}.example", account, role.Id)))
            .ToList();
        var options = new ServerOptions
        {
            Catalog = Catalog,
            Store = location,
            Tokens = ApiTokenFile.Parse(Path.Combine(folder, "tokens.txt"), lines, Catalog.Model),
            SigningKeys = [HmacSigningKey.FromBytes(HmacKey)],
            AccessDirectory = Path.Combine(folder, "access"),
            Clock = clock,
        };
        options = configure?.Invoke(options) ?? options;
        var app = EvidenceServer.Create(options, builder =>
        {
            if (kestrel)
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0"); // a real socket, for what the test host cannot show (a dropped connection)
            }
            else
            {
                builder.WebHost.UseTestServer();
            }

            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new ServerHarness(folder, app, options, clock, kestrel);
    }

    /// <summary>A GET with the token of <paramref name="role"/> (null: no Authorization header).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? role = "auditor", string account = Org)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, account));
        }

        return Client.SendAsync(request);
    }

    /// <summary>A POST of <paramref name="body"/> to /api/events (and <paramref name="query"/>, <c>?source=ID</c>) with the token of <paramref name="role"/>.</summary>
    public Task<HttpResponseMessage> PostEventsAsync(HttpContent body, string role = "admin", string account = Org, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events" + query) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, account));
        return Client.SendAsync(request);
    }

    /// <summary>Waits (up to 20 s) until the server has let <paramref name="count"/> ingestions in: their bodies are arriving.</summary>
    public async Task WaitForIngestionsAsync(int count)
    {
        var admission = app.Services.GetRequiredService<IngestionAdmission>();
        for (int i = 0; i < 400 && admission.UnderWay < count; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(admission.UnderWay >= count, $"{admission.UnderWay} ingestions under way, not {count}");
    }

    /// <summary>The events of <paramref name="account"/> in the store, by id.</summary>
    public IReadOnlyList<string> StoredIds(string account = Org)
    {
        using var store = Options.Store.Open();
        return store.ReadEvents(account, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddDays(-1)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines as a JSON Lines body.</summary>
    public static byte[] Bytes(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static string Line(string id, string time = "2026-11-20T10:00:00Z", string account = Org, string type = "auth.login", string outcome = "success") =>
        $"{{\"id\":\"{id}\",\"time\":\"{time}\",\"type\":\"{type}\",\"outcome\":\"{outcome}\",\"actor\":\"user:ada@{account}.example\",\"account\":\"{account}\"}}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Options.Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>120 days of synthetic events (100 a day) ending on the default window's last day.</summary>
    private static void Fill(EventStoreLocation location, string account, ulong seed)
    {
        var generator = new SyntheticEventGenerator(Catalog.Model, new SyntheticEventOptions
        {
            Account = account,
            Start = new CalendarDate(2026, 7, 26),
            Days = 120,
            PerDay = 100,
            Seed = seed,
        });
        var events = new MemoryStream();
        generator.Write(events);
        events.Position = 0;
        using var store = location.OpenOrCreate();
        new IngestionJob(Catalog).RunAsync(new JsonLinesSource(JsonLinesInput.Stream("test", () => events)), store).GetAwaiter().GetResult();
    }
}

/// <summary>A clock that says what it is told.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

internal static class Content
{
    public static StringContent JsonLines(params string[] lines) => new(string.Join("\n", lines) + "\n", Encoding.UTF8, "application/x-ndjson");
}
