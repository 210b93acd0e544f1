using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace EvidenceCatalog.LoadTest;

/// <summary>The HTTP client every mode uses: pooled HTTP/1.1 connections, no proxy, no decompression, the bearer token.</summary>
internal static class Client
{
    public static HttpClient Create(LoadOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = System.Threading.Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var client = new HttpClient(handler) { BaseAddress = options.Server, Timeout = options.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        client.DefaultRequestVersion = HttpVersion.Version11;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return client;
    }
}

/// <summary>Latencies (Stopwatch ticks) and their percentiles, nearest-rank.</summary>
internal sealed class Latencies(long[] ticks)
{
    private readonly long[] sorted = ticks.Order().ToArray();

    public int Count => sorted.Length;

    public double Percentile(double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Milliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public double Max => sorted.Length == 0 ? double.NaN : Milliseconds(sorted[^1]);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// CPU time over the measured run, from /proc (Linux): this process, the server process (when its id is given), and
/// the whole machine's busy share, so a run on a small machine shows who used the cores.
/// </summary>
internal sealed class CpuSample
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    private readonly int? serverPid;
    private readonly TimeSpan ownStart;
    private readonly double? serverStart;
    private readonly (long Busy, long Total)? machineStart;

    public CpuSample(int? serverPid)
    {
        this.serverPid = serverPid;
        ownStart = Process.GetCurrentProcess().TotalProcessorTime;
        serverStart = ProcessSeconds(serverPid);
        machineStart = Machine();
    }

    /// <summary>One line: CPU seconds of the driver and the server, the machine's busy share, over <paramref name="wall"/>.</summary>
    public string Describe(TimeSpan wall)
    {
        var parts = new List<string>();
        double own = (Process.GetCurrentProcess().TotalProcessorTime - ownStart).TotalSeconds;
        parts.Add(F($"load driver {own:0.0} s ({own / wall.TotalSeconds:0.00} cores)"));
        if (serverStart is { } s0 && ProcessSeconds(serverPid) is { } s1)
        {
            parts.Add(F($"server {s1 - s0:0.0} s ({(s1 - s0) / wall.TotalSeconds:0.00} cores)"));
        }

        if (machineStart is { } m0 && Machine() is { } m1 && m1.Total > m0.Total)
        {
            parts.Add(F($"machine busy {100.0 * (m1.Busy - m0.Busy) / (m1.Total - m0.Total):0}% of {Environment.ProcessorCount} cores"));
        }

        return "CPU over the run: " + string.Join(", ", parts);
    }

    private static double? ProcessSeconds(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            // /proc/PID/stat: "pid (comm) state ..." — utime and stime are fields 14 and 15, counted after the ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static (long Busy, long Total)? Machine()
    {
        try
        {
            string line = File.ReadLines("/proc/stat").First();
            long[] values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            long idle = values[3] + (values.Length > 4 ? values[4] : 0); // idle + iowait
            long total = values.Take(8).Sum(); // user nice system idle iowait irq softirq steal
            return (total - idle, total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A compact text table: a header row and value rows, columns right-aligned but the first.</summary>
internal static class Table
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        int[] widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            for (int c = 0; c < row.Count; c++)
            {
                text.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadLeft(widths[c]));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 100 ? "0.00" : "0", CultureInfo.InvariantCulture);

    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
