using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server;
using EvidenceCatalog.Server.Security;
using EvidenceCatalog.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// A server listening on a real loopback port follows its token file as <c>evidence token revoke</c> and
/// <c>evidence token add</c> change it: no restart, and within seconds.
/// </summary>
public sealed class ServeTokenReloadTests
{
    private const string Report = "/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register";

    /// <summary>The longest a change may take to reach the server: the default check interval (2 s) and then some.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_revoked_token_is_refused_and_a_new_one_accepted_within_seconds_without_a_restart()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string ada = Add(workspace, "ada@northwind.example");
        await using var location = TestStores.Parse("sqlite:" + workspace.Combine("events.db"));
        location.Initialize();
        var app = EvidenceServer.Create(
            new ServerOptions
            {
                Catalog = GeneratedEvidenceCatalog.Instance,
                Store = location,
                Tokens = ApiTokenFile.Load(workspace.Combine("tokens.txt"), GeneratedEvidenceCatalog.Instance.Model),
                SigningKeys = [HmacSigningKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray())],
            },
            builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
            });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = Within };
            Assert.Equal(HttpStatusCode.OK, await Status(client, ada));

            var revoked = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "ada@northwind.example");
            Assert.Equal(0, revoked.ExitCode);
            Assert.Equal(HttpStatusCode.Unauthorized, await Eventually(client, ada, HttpStatusCode.Unauthorized));

            string bob = Add(workspace, "bob@northwind.example");
            Assert.Equal(HttpStatusCode.OK, await Eventually(client, bob, HttpStatusCode.OK));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status(client, ada));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static string Add(CatalogWorkspace workspace, string user)
    {
        var added = Evidence.Run(workspace.Path, "token", "add", "--tokens", "tokens.txt", "--user", user, "--account", "northwind-cloud", "--role", "auditor");
        Assert.Equal(0, added.ExitCode);
        return added.Stdout.Trim();
    }

    /// <summary>Asks until the answer is <paramref name="expected"/> or <see cref="Within"/> has passed; the last answer.</summary>
    private static async Task<HttpStatusCode> Eventually(HttpClient client, string token, HttpStatusCode expected)
    {
        var time = Stopwatch.StartNew();
        while (true)
        {
            var status = await Status(client, token);
            if (status == expected || time.Elapsed > Within)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<HttpStatusCode> Status(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
