using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.LoadTest;

/// <summary>
/// <c>reports</c> and <c>sections</c>: GET /api/soc2-evidence on an open-loop timetable. Request i is due at
/// start + i / rate whatever happened to the requests before it, and its latency runs from when it was due (or sent,
/// if the dispatcher sent it up to half a millisecond early), to the last byte of the body. A server stall therefore
/// shows in the latency of every request that fell due during it, instead of silently slowing the sender down
/// (coordinated omission).
/// </summary>
internal static class ReportLoad
{
    private const string EndpointPath = "/api/soc2-evidence";

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var client = Client.Create(options);
        await Ready(client).ConfigureAwait(false);
        bool sections = options.Mode == "sections";
        string[] names = sections ? options.Sections?.ToArray() ?? await SectionNames(client, options).ConfigureAwait(false) : ["all"];
        var targets = names.Select(name => new Uri(Query(options, sections ? name : null), UriKind.Relative)).ToArray();

        // Every key built once, then asked again: the second answer must come from the cache.
        foreach (var target in targets)
        {
            await WarmKey(client, target).ConfigureAwait(false);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Mode}: {targets.Length} cached key(s) ({string.Join(", ", names)}), window {options.From:yyyy-MM-dd}..{options.To:yyyy-MM-dd}; "
            + $"{options.Rate:0.#} req/s open loop, {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds:0.#} s measured, up to {options.Connections} connections"));
        using var limit = new CancellationTokenSource(options.MaxTime);
        int failed = 0;
        if (options.Warmup > TimeSpan.Zero)
        {
            var warm = await OpenLoop(client, targets, options.Rate, options.Warmup, limit.Token).ConfigureAwait(false);
            if (warm.Errors > 0)
            {
                Console.WriteLine($"warm-up: {warm.Errors} of {warm.Planned} requests failed; first: {warm.FirstError}");
                failed = 1;
            }
        }

        var cpu = new CpuSample(options.ServerPid);
        var run = await OpenLoop(client, targets, options.Rate, options.Duration, limit.Token).ConfigureAwait(false);
        var latencies = new Latencies(run.LatencyTicks);
        var lag = new Latencies(run.LagTicks);
        double seconds = run.Elapsed.TotalSeconds;
        int successes = run.Completed - run.Errors;
        double hitShare = successes == 0 ? 0 : (double)run.Hits / successes;
        Console.Write(Table.Render(
            ["mode", "target/s", "requests", "errors", "seconds", "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "X-Cache hit", "KiB/resp"],
            [[
                options.Mode, Table.N(options.Rate), Table.N(run.Planned), Table.N(run.Errors), Table.N(seconds, "0.00"), Table.N(run.Completed / seconds, "N1"),
                Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Percentile(99.9)),
                Table.Ms(latencies.Max), Table.N(100 * hitShare, "0.00") + "%", Table.N(successes == 0 ? 0 : run.Bytes / 1024.0 / successes, "N1"),
            ]]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dispatch lag (client timetable slip, inside the latencies): p50 {Table.Ms(lag.Percentile(50))} ms, p99 {Table.Ms(lag.Percentile(99))} ms, max {Table.Ms(lag.Max)} ms; "
            + $"{run.Bytes / seconds / (1 << 20):0} MiB/s received"));
        Console.WriteLine(cpu.Describe(run.Elapsed));
        if (run.Errors > 0)
        {
            Console.WriteLine($"FAILED: {run.Errors} request(s): {string.Join(", ", run.ErrorKinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} x{k.Value}"))}; first: {run.FirstError}");
            failed = 1;
        }

        if (hitShare < options.MinHitShare)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAILED: X-Cache: hit on {100 * hitShare:0.00}% of the answers, under the --min-hit {100 * options.MinHitShare:0.##}%"));
            failed = 1;
        }

        return failed;
    }

    /// <summary>The open loop: <paramref name="rate"/> × <paramref name="duration"/> requests, rotating over the targets.</summary>
    private static async Task<RunResult> OpenLoop(HttpClient client, Uri[] targets, double rate, TimeSpan duration, CancellationToken stop)
    {
        int planned = Math.Max(1, (int)Math.Round(rate * duration.TotalSeconds));
        var result = new RunResult(planned);
        var tasks = new Task[planned];
        double interval = Stopwatch.Frequency / rate;
        long early = Stopwatch.Frequency / 2000; // half a millisecond: the dispatcher wakes about once a millisecond
        long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        int dispatched = 0;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A dedicated thread keeps the timetable: it sleeps ~1 ms at a time and starts every request that is due.
        var dispatcher = new Thread(() =>
        {
            for (int i = 0; i < planned; i++)
            {
                long due = start + (long)(i * interval);
                while (Stopwatch.GetTimestamp() < due - early)
                {
                    if (stop.IsCancellationRequested)
                    {
                        finished.SetResult();
                        return;
                    }

                    Thread.Sleep(1);
                }

                tasks[i] = Send(client, targets[i % targets.Length], i, due, result, stop);
                dispatched = i + 1;
            }

            finished.SetResult();
        })
        { IsBackground = true, Name = "timetable", Priority = ThreadPriority.AboveNormal };
        dispatcher.Start();
        await finished.Task.ConfigureAwait(false);
        dispatcher.Join();
        await Task.WhenAll(tasks.Take(dispatched)).ConfigureAwait(false);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        if (dispatched < planned)
        {
            result.Fail(planned - dispatched, "not sent before --max-seconds", "never sent: the run hit --max-seconds");
        }

        return result;
    }

    private static async Task Send(HttpClient client, Uri target, int index, long due, RunResult result, CancellationToken stop)
    {
        long sent = Stopwatch.GetTimestamp();
        long origin = Math.Max(due, sent);
        result.LagTicks[index] = Math.Max(0, sent - due);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, stop).ConfigureAwait(false);
            long bytes = 0;
            using (var body = await response.Content.ReadAsStreamAsync(stop).ConfigureAwait(false))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, stop).ConfigureAwait(false)) > 0)
                {
                    bytes += read;
                }
            }

            result.Done(index, Stopwatch.GetTimestamp() - origin);
            if (!response.IsSuccessStatusCode)
            {
                result.Fail(1, "HTTP " + (int)response.StatusCode, $"GET {target}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            else
            {
                Interlocked.Add(ref result.Bytes, bytes);
                if (response.Headers.TryGetValues("X-Cache", out var cache) && cache.Contains("hit", StringComparer.Ordinal))
                {
                    Interlocked.Increment(ref result.Hits);
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or System.IO.IOException)
        {
            result.Done(index, Stopwatch.GetTimestamp() - origin);
            result.Fail(1, exception.GetType().Name, $"GET {target}: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Query(LoadOptions options, string? section) =>
        string.Create(CultureInfo.InvariantCulture, $"{EndpointPath}?accountId={Uri.EscapeDataString(options.Account)}")
        + (section is null ? string.Empty : "&section=" + Uri.EscapeDataString(section))
        + string.Create(CultureInfo.InvariantCulture, $"&from={options.From:yyyy-MM-dd}&to={options.To:yyyy-MM-dd}&tz=UTC");

    internal static async Task Ready(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new LoadTestException($"{client.BaseAddress}readyz answers HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }
        }
        catch (HttpRequestException exception)
        {
            throw new LoadTestException($"no server at {client.BaseAddress}: {exception.Message}");
        }
    }

    /// <summary>The section names, as the server lists them when asked for one that does not exist.</summary>
    private static async Task<string[]> SectionNames(HttpClient client, LoadOptions options)
    {
        using var response = await client.GetAsync(new Uri(Query(options, "-"), UriKind.Relative)).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("validSections", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                return list.EnumerateArray().Select(e => e.GetString()!).ToArray();
            }
        }
        catch (JsonException)
        {
        }

        throw new LoadTestException($"the server did not list its sections (HTTP {(int)response.StatusCode}: {body}); give --sections A,B");
    }

    private static async Task WarmKey(HttpClient client, Uri target)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            using var response = await client.GetAsync(target).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new LoadTestException($"GET {target}: HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
            }

            string cache = response.Headers.TryGetValues("X-Cache", out var values) ? string.Join(",", values) : "(none)";
            if (attempt == 1 && cache != "hit")
            {
                throw new LoadTestException(
                    $"GET {target} is not served from the cache (X-Cache: {cache}, Cache-Control: {response.Headers.CacheControl}); "
                    + "a report with a degraded section is never cached: for the access review start the server with --access-dir DIR holding ACCOUNT.json");
            }
        }
    }

    private sealed class RunResult(int planned)
    {
        public readonly long[] LatencyTicksAll = new long[planned];
        public readonly bool[] Finished = new bool[planned];
        public readonly long[] LagTicks = new long[planned];
        public readonly ConcurrentDictionary<string, int> ErrorKinds = new(StringComparer.Ordinal);
        public long Bytes;
        public int Hits;
        private int completed;
        private int errors;
        private string? firstError;

        public int Planned { get; } = planned;

        public int Completed => completed;

        public int Errors => errors;

        public string? FirstError => firstError;

        public TimeSpan Elapsed { get; set; }

        public long[] LatencyTicks => LatencyTicksAll.Where((_, i) => Finished[i]).ToArray();

        public void Done(int index, long ticks)
        {
            LatencyTicksAll[index] = ticks;
            Finished[index] = true;
            Interlocked.Increment(ref completed);
        }

        public void Fail(int count, string kind, string message)
        {
            Interlocked.Add(ref errors, count);
            ErrorKinds.AddOrUpdate(kind, count, (_, n) => n + count);
            Interlocked.CompareExchange(ref firstError, message, null);
        }
    }
}
