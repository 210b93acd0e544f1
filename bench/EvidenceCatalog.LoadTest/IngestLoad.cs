using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.LoadTest;

/// <summary>
/// <c>ingest</c>: the first <c>--total</c> lines of a JSON Lines file, cut into bodies of <c>--chunk</c> lines in memory
/// before the clock starts, POSTed to /api/events by <c>--concurrency</c> workers, each sending its next body as soon as
/// the previous one is answered (closed loop: the figure wanted is throughput). Every answer must account for every line
/// (read = lines sent, nothing rejected).
/// </summary>
internal static class IngestLoad
{
    private static readonly Uri Endpoint = new("/api/events", UriKind.Relative);
    private static readonly MediaTypeHeaderValue JsonLines = new("application/x-ndjson");

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var chunks = Split(options.EventsFile!, options.Total, options.Chunk);
        long bodyBytes = chunks.Sum(c => (long)c.Body.Length);
        using var client = Client.Create(options with { Connections = Math.Max(options.Connections, options.Concurrency) });
        await ReportLoad.Ready(client).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {options.Total:N0} events from {options.EventsFile} in {chunks.Count:N0} bodies of up to {options.Chunk:N0} ({bodyBytes / (1 << 20):N0} MiB), {options.Concurrency} in flight"));

        var latencies = new long[chunks.Count];
        var finished = new bool[chunks.Count];
        var errorKinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        string? firstError = null;
        long read = 0, accepted = 0, duplicates = 0, rejected = 0;
        int next = -1, errors = 0, unsent = 0;
        var cpu = new CpuSample(options.ServerPid);
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(options.MaxTime.TotalSeconds * Stopwatch.Frequency);

        void Fail(string kind, string message)
        {
            Interlocked.Increment(ref errors);
            errorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
            Interlocked.CompareExchange(ref firstError, message, null);
        }

        async Task Worker()
        {
            int c;
            while ((c = Interlocked.Increment(ref next)) < chunks.Count)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    Interlocked.Increment(ref unsent);
                    continue;
                }

                var chunk = chunks[c];
                long sent = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new ReadOnlyMemoryContent(chunk.Body);
                    content.Headers.ContentType = JsonLines;
                    using var response = await client.PostAsync(Endpoint, content).ConfigureAwait(false);
                    string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    latencies[c] = Stopwatch.GetTimestamp() - sent;
                    finished[c] = true;
                    if (!response.IsSuccessStatusCode)
                    {
                        Fail("HTTP " + (int)response.StatusCode, $"body {c}: HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 400)]}");
                        continue;
                    }

                    using var answer = JsonDocument.Parse(text);
                    var root = answer.RootElement;
                    long r = root.GetProperty("read").GetInt64(), a = root.GetProperty("accepted").GetInt64();
                    long d = root.GetProperty("duplicates").GetInt64(), x = root.GetProperty("rejected").GetInt64();
                    Interlocked.Add(ref read, r);
                    Interlocked.Add(ref accepted, a);
                    Interlocked.Add(ref duplicates, d);
                    Interlocked.Add(ref rejected, x);
                    if (r != chunk.Lines || x != 0)
                    {
                        Fail("incomplete", $"body {c}: {chunk.Lines} lines sent, the server read {r} and rejected {x}: {text[..Math.Min(text.Length, 400)]}");
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException or JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    latencies[c] = Stopwatch.GetTimestamp() - sent;
                    finished[c] = true;
                    Fail(exception.GetType().Name, $"body {c}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var times = new Latencies(latencies.Where((_, i) => finished[i]).ToArray());
        int requests = finished.Count(f => f);
        double seconds = elapsed.TotalSeconds;
        Console.Write(Table.Render(
            ["mode", "requests", "errors", "events", "seconds", "events/s", "MiB/s", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms"],
            [[
                "ingest", Table.N(requests), Table.N(errors), Table.N(read), Table.N(seconds, "0.00"), Table.N(read / seconds), Table.N(bodyBytes * ((double)requests / chunks.Count) / seconds / (1 << 20), "N1"),
                Table.N(requests / seconds, "N1"), Table.Ms(times.Percentile(50)), Table.Ms(times.Percentile(90)), Table.Ms(times.Percentile(99)), Table.Ms(times.Max),
            ]]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the server read {read:N0} events: accepted {accepted:N0}, duplicates {duplicates:N0}, rejected {rejected:N0}"));
        Console.WriteLine(cpu.Describe(elapsed));
        int failed = 0;
        if (unsent > 0)
        {
            Console.WriteLine($"STOPPED: {unsent} bodies not sent, the run reached --max-seconds {options.MaxTime.TotalSeconds:0}");
            failed = 1;
        }

        if (errors > 0)
        {
            Console.WriteLine($"FAILED: {errors} request(s): {string.Join(", ", errorKinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} x{k.Value}"))}; first: {firstError}");
            failed = 1;
        }

        return failed;
    }

    /// <summary>The first <paramref name="total"/> lines of the file, as bodies of <paramref name="chunk"/> lines.</summary>
    private static List<(ReadOnlyMemory<byte> Body, int Lines)> Split(string file, long total, int chunk)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new LoadTestException($"cannot read the events: {exception.Message}");
        }

        var chunks = new List<(ReadOnlyMemory<byte>, int)>();
        long taken = 0;
        int offset = 0;
        while (taken < total && offset < data.Length)
        {
            int begin = offset, lines = 0;
            while (lines < chunk && taken < total && offset < data.Length)
            {
                int newline = data.AsSpan(offset).IndexOf((byte)'\n');
                offset = newline < 0 ? data.Length : offset + newline + 1;
                lines++;
                taken++;
            }

            chunks.Add((data.AsMemory(begin, offset - begin), lines));
        }

        if (taken < total)
        {
            throw new LoadTestException($"{file} has {taken:N0} lines, fewer than --total {total:N0}");
        }

        return chunks;
    }
}
