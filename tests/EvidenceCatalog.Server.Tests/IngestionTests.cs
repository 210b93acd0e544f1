using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Tests.Shared;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>POST /api/events: per-record validation, the caller's account only, duplicates, size limit, cut-off requests.</summary>
public sealed class IngestionTests
{
    [Fact]
    public async Task Good_records_are_stored_and_bad_ones_rejected_with_their_reasons()
    {
        await using var server = await StartAsync(withEvents: false);

        using var response = await server.PostEventsAsync(Content.JsonLines(
            Line("a1"),
            "{\"id\":\"a2\",\"time\":\"yesterday\",\"type\":\"auth.login\",\"outcome\":\"success\",\"actor\":\"user:x\",\"account\":\"northwind-cloud\"}",
            Line("a3", type: "auth.teleport"),
            "not json",
            Line("a4", account: OtherOrg),
            Line("a5", time: "2026-11-23T13:00:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal((6, 1, 0, 5), (root.GetProperty("read").GetInt32(), root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(), root.GetProperty("rejected").GetInt32()));
        var rejections = root.GetProperty("rejections").EnumerateArray().Select(r => (r.GetProperty("record").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3, 4, 5, 6], rejections.Select(r => r.Item1));
        Assert.Contains("time", rejections[0].Item2, StringComparison.Ordinal);
        Assert.Contains("auth.teleport", rejections[1].Item2, StringComparison.Ordinal);
        Assert.Equal("account 'contoso-health' is not this token's account 'northwind-cloud'; send each account's events with its own token", rejections[3].Item2);
        Assert.Contains("future", rejections[4].Item2, StringComparison.Ordinal);
        Assert.Equal(["a1"], server.StoredIds());
        Assert.Empty(server.StoredIds(OtherOrg));
    }

    [Fact]
    public async Task Sending_the_same_events_again_adds_nothing()
    {
        await using var server = await StartAsync(withEvents: false);
        using var first = await server.PostEventsAsync(Content.JsonLines(Line("d1"), Line("d2")));

        using var again = await server.PostEventsAsync(Content.JsonLines(Line("d1"), Line("d2"), Line("d3")));

        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal((1, 2), (json.RootElement.GetProperty("accepted").GetInt32(), json.RootElement.GetProperty("duplicates").GetInt32()));
        Assert.Equal(["d1", "d2", "d3"], server.StoredIds());
    }

    [Fact]
    public async Task A_json_array_is_accepted_element_by_element()
    {
        await using var server = await StartAsync(withEvents: false);
        string body = "[\n  " + Line("j1") + ",\n  42,\n  " + Line("j2") + "\n]";

        using var response = await server.PostEventsAsync(new StringContent(body, Encoding.UTF8, "application/json"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("json-array", json.RootElement.GetProperty("format").GetString());
        Assert.Equal((3, 2, 1), (json.RootElement.GetProperty("read").GetInt32(), json.RootElement.GetProperty("accepted").GetInt32(), json.RootElement.GetProperty("rejected").GetInt32()));
        Assert.Equal(2, json.RootElement.GetProperty("rejections")[0].GetProperty("record").GetInt32());
        Assert.Equal(["j1", "j2"], server.StoredIds());
    }

    [Fact]
    public async Task A_json_array_that_breaks_midway_is_400_and_keeps_the_records_before_the_break()
    {
        await using var server = await StartAsync(withEvents: false);

        using var response = await server.PostEventsAsync(new StringContent("[" + Line("b1") + ",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AuthenticationTests.Problem(response);
        Assert.StartsWith("the body could not be read to its end: not a well-formed JSON array: ", problem.GetProperty("detail").GetString());
        Assert.Equal((1, 1, 0, 0), (problem.GetProperty("read").GetInt32(), problem.GetProperty("accepted").GetInt32(), problem.GetProperty("duplicates").GetInt32(), problem.GetProperty("rejected").GetInt32()));
        Assert.EndsWith("(after element 1); the records before it were read", problem.GetProperty("damaged").GetString());
        Assert.Equal(["b1"], server.StoredIds());
    }

    [Fact]
    public async Task A_second_copy_of_another_account_s_record_is_rejected_again_not_a_duplicate()
    {
        await using var server = await StartAsync(withEvents: false);
        string foreign = Line("x1", account: OtherOrg);

        using var response = await server.PostEventsAsync(Content.JsonLines(foreign, Line("own1"), foreign));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal((3, 1, 0, 2), (root.GetProperty("read").GetInt32(), root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(), root.GetProperty("rejected").GetInt32()));
        Assert.Equal([1, 3], root.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("record").GetInt32()));
        Assert.All(root.GetProperty("rejections").EnumerateArray(), r => Assert.StartsWith("account 'contoso-health' is not this token's account", r.GetProperty("reason").GetString()));
        Assert.Empty(server.StoredIds(OtherOrg));
    }

    [Fact]
    public async Task A_body_declared_over_the_limit_is_413()
    {
        await using var server = await StartAsync(o => o with { MaxEventsBodyBytes = 4096 }, withEvents: false);
        var lines = Enumerable.Range(0, 100).Select(i => Line($"big{i}")).ToArray();

        using var response = await server.PostEventsAsync(Content.JsonLines(lines));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("the body is over this server's limit of 4,096 bytes; send the events in smaller requests", (await AuthenticationTests.Problem(response)).GetProperty("detail").GetString());
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task A_streamed_body_that_grows_over_the_limit_is_413_and_leaves_nothing()
    {
        await using var server = await StartAsync(o => o with { MaxEventsBodyBytes = 4096 }, withEvents: false);
        byte[] body = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 100).Select(i => Line($"s{i}"))) + "\n");
        var content = new StreamContent(new TrickleStream(body));

        using var response = await server.PostEventsAsync(content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task A_request_cut_off_midway_keeps_every_complete_record_and_a_retry_fills_the_rest()
    {
        await using var server = await StartAsync(withEvents: false, kestrel: true);
        string[] lines = Enumerable.Range(0, 10).Select(i => Line($"c{i}")).ToArray();
        byte[] body = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        int cut = Encoding.UTF8.GetByteCount(string.Join("\n", lines.Take(4)) + "\n") + 20; // four lines and part of the fifth
        var address = new Uri(server.Client.BaseAddress!, "/api/events");
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(address.Host, address.Port);
            var stream = client.GetStream();
            string head = $"POST /api/events HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {Token("admin")}\r\nContent-Type: application/x-ndjson\r\nContent-Length: {body.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body.AsMemory(0, cut));
            await stream.FlushAsync();
            await Task.Delay(200);
        } // the connection drops with the body half sent

        var kept = await Eventually(() => server.StoredIds(), ids => ids.Count == 4);
        using var retry = await server.PostEventsAsync(new ByteArrayContent(body));

        Assert.Equal(["c0", "c1", "c2", "c3"], kept);
        using var json = JsonDocument.Parse(await retry.Content.ReadAsStringAsync());
        Assert.Equal((6, 4), (json.RootElement.GetProperty("accepted").GetInt32(), json.RootElement.GetProperty("duplicates").GetInt32()));
        Assert.Equal(10, server.StoredIds().Count);
    }

    [Fact]
    public async Task An_empty_body_reads_nothing()
    {
        await using var server = await StartAsync(withEvents: false);

        using var response = await server.PostEventsAsync(new ByteArrayContent([]));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("read").GetInt32());
    }

    [Fact]
    public async Task Ingested_events_show_in_the_next_uncached_report()
    {
        await using var server = await StartAsync(withEvents: false);
        await server.PostEventsAsync(Content.JsonLines(Line("r1", "2026-11-01T09:00:00Z"), Line("r2", "2026-11-02T09:00:00Z")));

        using var response = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&section=audit-log-summary");

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, json.RootElement.GetProperty("sections").GetProperty("auditLogSummary").GetProperty("total").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("inWindow").GetInt32());
    }

    [Fact]
    public async Task When_the_store_cannot_be_written_ingestion_is_503_and_says_to_send_again()
    {
        string folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        File.WriteAllText(folder, "a file where the store's folder should be");
        try
        {
            await using var unwritable = TestStores.Parse("sqlite:" + Path.Combine(folder, "events.db"));
            await using var server = await StartAsync(o => o with { Store = unwritable }, withEvents: false);

            using var response = await server.PostEventsAsync(Content.JsonLines(Line("u1")));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            string detail = (await AuthenticationTests.Problem(response)).GetProperty("detail").GetString()!;
            Assert.EndsWith("; nothing of this request was kept: send it again later", detail);
            Assert.DoesNotContain(folder, detail, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(folder);
        }
    }

    private static async Task<T> Eventually<T>(Func<T> read, Func<T, bool> done)
    {
        for (int i = 0; i < 200; i++)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50);
        }

        return read();
    }

    /// <summary>A body sent a few bytes at a time, so it has no length (chunked).</summary>
    private sealed class TrickleStream(byte[] body) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 97), body.Length - position);
            Array.Copy(body, position, buffer, offset, n);
            position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            byte[] chunk = new byte[buffer.Length];
            int n = Read(chunk, 0, chunk.Length);
            chunk.AsSpan(0, n).CopyTo(buffer.Span);
            return ValueTask.FromResult(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
