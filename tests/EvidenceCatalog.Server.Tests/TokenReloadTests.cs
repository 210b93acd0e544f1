using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Security;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// The server follows its token file while it runs; a file it cannot use keeps the last good tokens, less any the file
/// no longer lists, and <c>/readyz</c> says the tokens are stale.
/// </summary>
public sealed class TokenReloadTests : IDisposable
{
    private const string Report = "/api/soc2-evidence?accountId=northwind-cloud&section=vendor-register";

    /// <summary>Far more than a change takes (a check every 200 ms here, then 250 ms to settle), far less than a test may.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "evidence-token-reload-tests", Guid.NewGuid().ToString("N"));
    private readonly string ada = ApiTokenFile.NewToken();
    private readonly string bob = ApiTokenFile.NewToken();

    public TokenReloadTests() => Directory.CreateDirectory(folder);

    private string TokensPath => Path.Combine(folder, "tokens.txt");

    [Fact]
    public async Task A_malformed_file_keeps_the_last_good_tokens_less_those_it_no_longer_lists()
    {
        Write(TokensPath, Line(ada, "ada"), Line(bob, "bob"));
        await using var server = await Start(TokensPath);

        // Bob's line is taken out while another line is broken: Bob is refused at once, Ada is not locked out.
        Write(TokensPath, Line(ada, "ada"), "sha256:00 carol northwind-cloud auditor");
        Assert.True(await Eventually(async () => await Status(server, bob) == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, await Status(server, ada));
        Assert.StartsWith("stale: ", await ReadyTokens(server));

        string carol = ApiTokenFile.NewToken();
        Write(TokensPath, Line(ada, "ada"), Line(carol, "carol"));
        Assert.True(await Eventually(async () => await Status(server, carol) == HttpStatusCode.OK));
        Assert.Equal("ok", await ReadyTokens(server));
        Assert.Equal(HttpStatusCode.OK, await Status(server, ada));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(server, bob));
    }

    [Fact]
    public async Task A_file_that_goes_missing_keeps_the_tokens_in_force()
    {
        Write(TokensPath, Line(ada, "ada"));
        await using var server = await Start(TokensPath);

        File.Delete(TokensPath);

        Assert.True(await Eventually(async () => (await ReadyTokens(server)).StartsWith("stale: ", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, await Status(server, ada));
        Write(TokensPath, Line(ada, "ada"));
        Assert.True(await Eventually(async () => await ReadyTokens(server) == "ok"));
    }

    [Fact]
    public async Task The_periodic_check_sees_a_change_no_watcher_reports()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // symbolic links need privileges there
        }

        // The server watches the folder of the link; the file changes in another folder, so no event reaches it, as
        // with a mounted secret whose link is swapped or a network file system.
        string target = Path.Combine(folder, "elsewhere", "tokens.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Write(target, Line(ada, "ada"), Line(bob, "bob"));
        string link = Path.Combine(folder, "watched", "tokens.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
        await using var server = await Start(link);

        ApiTokenFile.Remove(target, ServerHarness.Catalog.Model, file => [.. file.Tokens]);

        Assert.True(await Eventually(async () => await Status(server, ada) == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(server, bob));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Task<ServerHarness> Start(string tokens) =>
        ServerHarness.StartAsync(
            o => o with { Tokens = ApiTokenFile.Load(tokens, ServerHarness.Catalog.Model), TokenFileCheckInterval = TimeSpan.FromMilliseconds(200) },
            withEvents: false);

    private static string Line(string token, string user) => ApiTokenFile.Line(token, user, ServerHarness.Org, "auditor");

    /// <summary>Writes the whole file at once, as an editor that replaces the file does.</summary>
    private static void Write(string path, params string[] lines)
    {
        File.WriteAllLines(path + ".new", lines);
        File.Move(path + ".new", path, overwrite: true);
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var time = Stopwatch.StartNew();
        while (!await condition())
        {
            if (time.Elapsed > Within)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static async Task<HttpStatusCode> Status(ServerHarness server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> ReadyTokens(ServerHarness server)
    {
        using var response = await server.GetAsync("/readyz", role: null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("tokens").GetString() ?? string.Empty;
    }
}
