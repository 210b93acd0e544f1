using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>A JSON-array body is streamed into the store: the server never holds it whole, however large it is.</summary>
[Collection(RunsAlone.Name)]
public sealed class JsonArrayStreamingTests
{
    [Fact]
    public async Task A_30_MiB_array_is_stored_without_the_server_holding_it_whole()
    {
        await using var server = await StartAsync(withEvents: false, kestrel: true);
        var body = new GeneratedArrayContent(30 << 20);
        await server.PostEventsAsync(new StringContent("[]")); // every part of the path warmed up once

        long before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await server.PostEventsAsync(body).WaitAsync(TimeSpan.FromSeconds(120));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(body.Count, json.RootElement.GetProperty("accepted").GetInt64());

        // Whole-body buffering took about six times the body (~190 MB for 30 MB); streaming takes the
        // buffers and the de-duplication set (16 bytes an event id), whatever the body's size.
        Assert.True(allocated < 64L << 20, $"ingesting a 30 MiB array allocated {allocated:N0} bytes");
    }

    /// <summary>
    /// <c>[{…"id":"m000000001"…},{…"id":"m000000002"…},…]</c> of about <c>size</c> bytes, written as it is sent from one
    /// template element whose id digits are rewritten in place: the body never exists whole, in the test either.
    /// </summary>
    private sealed class GeneratedArrayContent : HttpContent
    {
        private const string IdMark = "m000000000";
        private readonly byte[] element = Encoding.UTF8.GetBytes(Line(IdMark));
        private readonly int idAt;

        public GeneratedArrayContent(long size)
        {
            idAt = Encoding.UTF8.GetString(element).IndexOf(IdMark, StringComparison.Ordinal) + 1;
            Count = size / (element.Length + 1);
        }

        public long Count { get; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            byte[] chunk = new byte[64 * 1024];
            int used = 0;
            chunk[used++] = (byte)'[';
            for (long i = 1; i <= Count; i++)
            {
                if (used + element.Length + 2 > chunk.Length)
                {
                    await stream.WriteAsync(chunk.AsMemory(0, used));
                    used = 0;
                }

                long n = i;
                for (int digit = IdMark.Length - 2; digit >= 0; digit--, n /= 10)
                {
                    element[idAt + digit] = (byte)('0' + (n % 10));
                }

                element.CopyTo(chunk, used);
                used += element.Length;
                chunk[used++] = i == Count ? (byte)']' : (byte)',';
            }

            await stream.WriteAsync(chunk.AsMemory(0, used));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

