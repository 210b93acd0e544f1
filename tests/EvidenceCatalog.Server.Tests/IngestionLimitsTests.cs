using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// The limits of POST /api/events, each met the way a client would meet it, on a real socket over loopback: a body that
/// takes too long, more uploads at once than an account or the server takes, and the spool file a body waits in.
/// </summary>
public sealed class IngestionLimitsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_still_arriving_at_the_time_limit_is_408_and_nothing_of_it_is_kept(bool chunked)
    {
        await using var server = await StartAsync(o => o with { MaxBodyTime = TimeSpan.FromSeconds(2) }, withEvents: false, kestrel: true);
        byte[] body = Bytes(Enumerable.Range(0, 400).Select(i => Line($"late{i}")).ToArray()); // 30 s at 2 KB/s
        await using var slow = await RawUpload.StartAsync(server.Client.BaseAddress!, Token("admin"), body, chunk: 200, interval: TimeSpan.FromMilliseconds(100), chunked);

        var response = await slow.Response.WaitAsync(Bound);

        Assert.True(slow.Sent < body.Length / 2, "answered while the body was still arriving");
        Assert.Equal(408, response.Status);
        Assert.Equal("close", response.Headers["Connection"]);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal(
            "the body did not arrive within 2 s, this server's limit; nothing of it was kept: send the events in smaller requests",
            problem.RootElement.GetProperty("detail").GetString());
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task Beyond_its_cap_an_account_gets_429_with_retry_after_while_another_account_is_served()
    {
        await using var server = await StartAsync(o => o with { MaxConcurrentIngestionsPerAccount = 1, MaxConcurrentIngestions = 2 }, withEvents: false, kestrel: true);
        var slow = Slow("hold");
        var holding = server.PostEventsAsync(slow);
        await server.WaitForIngestionsAsync(1);

        using var refused = await server.PostEventsAsync(Content.JsonLines(Line("again1"))).WaitAsync(Bound);
        using var other = await server.PostEventsAsync(Content.JsonLines(Line("other1", account: OtherOrg)), account: OtherOrg).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("10", refused.Headers.RetryAfter?.ToString());
        Assert.StartsWith("account 'northwind-cloud' already has 1 ingestions under way", (await AuthenticationTests.Problem(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        slow.Release();
        using var held = await holding.WaitAsync(Bound);
        using var later = await server.PostEventsAsync(Content.JsonLines(Line("again1"))).WaitAsync(Bound);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (held.StatusCode, later.StatusCode));
        Assert.Contains("again1", server.StoredIds());
    }

    [Fact]
    public async Task Beyond_the_server_s_cap_every_account_gets_503_with_retry_after()
    {
        await using var server = await StartAsync(o => o with { MaxConcurrentIngestions = 1 }, withEvents: false, kestrel: true);
        var slow = Slow("hold");
        var holding = server.PostEventsAsync(slow);
        await server.WaitForIngestionsAsync(1);

        using var refused = await server.PostEventsAsync(Content.JsonLines(Line("other1", account: OtherOrg)), account: OtherOrg).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("10", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("Server busy", (await AuthenticationTests.Problem(refused)).GetProperty("title").GetString());
        slow.Release();
        using var held = await holding.WaitAsync(Bound);
        using var later = await server.PostEventsAsync(Content.JsonLines(Line("other1", account: OtherOrg)), account: OtherOrg).WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_spooled_body_is_readable_by_the_server_s_user_only_has_no_name_and_is_gone_after()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the open files of a process are read from /proc
        }

        string spool = Directory.CreateTempSubdirectory("evidence-spool-").FullName;
        try
        {
            await using var server = await StartAsync(o => o with { SpoolDirectory = spool, MaxEventsBodyBytes = 8192 }, withEvents: false, kestrel: true);
            var slow = Slow("spooled");
            var posting = server.PostEventsAsync(slow);
            await server.WaitForIngestionsAsync(1);
            var open = SpoolFilesOpen(spool);
            for (int i = 0; i < 100 && open.Length == 0; i++)
            {
                await Task.Delay(50); // the spool file is created right after the ingestion is let in
                open = SpoolFilesOpen(spool);
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(spool));
            var file = Assert.Single(open);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)); // of the file the link leads to

            slow.Release();
            using var response = await posting.WaitAsync(Bound);
            using var tooLarge = await server.PostEventsAsync(new StreamContent(new MemoryStream(Bytes(Enumerable.Range(0, 100).Select(i => Line($"big{i}")).ToArray())))).WaitAsync(Bound);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            Assert.Empty(SpoolFilesOpen(spool));
            Assert.Empty(Directory.EnumerateFileSystemEntries(spool));
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    /// <summary>A body of 40 events sent 200 bytes every 100 ms (2 KB/s, above Kestrel's minimum data rate).</summary>
    private static TrickleBody Slow(string prefix, bool withLength = true) =>
        new(Bytes(Enumerable.Range(0, 40).Select(i => Line($"{prefix}{i}")).ToArray()), chunk: 200, interval: TimeSpan.FromMilliseconds(100), withLength);

    /// <summary>This process's open files (the server runs in it) that are spool files of <paramref name="folder"/>, by their /proc links.</summary>
    private static string[] SpoolFilesOpen(string folder) =>
        Directory.GetFiles("/proc/self/fd").Where(fd => LinkTarget(fd)?.StartsWith(Path.Combine(folder, "evidence-body-"), StringComparison.Ordinal) == true).ToArray();

    private static string? LinkTarget(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed since the folder was listed
        }
    }
}
