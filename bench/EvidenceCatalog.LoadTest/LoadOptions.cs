using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.LoadTest;

/// <summary>The command line, checked. Every option is <c>--name value</c>.</summary>
internal sealed record LoadOptions
{
    private static readonly string[] Modes = ["reports", "sections", "ingest"];

    public required string Mode { get; init; }

    public required Uri Server { get; init; }

    public required string Token { get; init; }

    public required string Account { get; init; }

    public int Connections { get; init; }

    public TimeSpan Timeout { get; init; }

    public TimeSpan MaxTime { get; init; }

    public int? ServerPid { get; init; }

    public double Rate { get; init; }

    public TimeSpan Duration { get; init; }

    public TimeSpan Warmup { get; init; }

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public IReadOnlyList<string>? Sections { get; init; }

    public double MinHitShare { get; init; }

    public string? EventsFile { get; init; }

    public int Chunk { get; init; }

    public long Total { get; init; }

    public int Concurrency { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Modes.Contains(args[0], StringComparer.Ordinal))
        {
            throw new UsageException("give a mode first: " + string.Join(", ", Modes));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"expected '--option value', found '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string mode = args[0];
        string Take(string name, string? fallback)
        {
            if (values.Remove(name, out string? value))
            {
                return value;
            }

            return fallback ?? throw new UsageException($"--{name} is required");
        }

        double Number(string name, double fallback, double min, double max)
        {
            string text = Take(name, fallback.ToString(CultureInfo.InvariantCulture));
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
            {
                throw new UsageException($"--{name} must be a number from {min} to {max}, not '{text}'");
            }

            return value;
        }

        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        DateOnly Date(string name, DateOnly fallback)
        {
            string text = Take(name, fallback.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new UsageException($"--{name} must be a date YYYY-MM-DD, not '{text}'");
        }

        if (!Uri.TryCreate(Take("url", "http://127.0.0.1:5080"), UriKind.Absolute, out var server))
        {
            throw new UsageException("--url must be an absolute URL such as http://127.0.0.1:5080");
        }

        string tokenFile = Take("token-file", null);
        string token;
        try
        {
            token = File.ReadAllText(tokenFile).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the token file: {exception.Message}");
        }

        var duration = TimeSpan.FromSeconds(Number("duration", 20, 0.1, 3600));
        var warmup = TimeSpan.FromSeconds(Number("warmup", 3, 0, 600));
        bool ingest = mode == "ingest";
        var options = new LoadOptions
        {
            Mode = mode,
            Server = server,
            Token = token.Length > 0 ? token : throw new UsageException($"the token file '{tokenFile}' is empty"),
            Account = Take("account", "northwind-cloud"),
            Connections = (int)Number("connections", 64, 1, 10_000),
            Timeout = TimeSpan.FromSeconds(Number("timeout", ingest ? 60 : 10, 0.1, 3600)),
            MaxTime = TimeSpan.FromSeconds(Number("max-seconds", ingest ? 300 : (duration + warmup).TotalSeconds + 30, 1, 86_400)),
            ServerPid = values.ContainsKey("server-pid") ? (int)Number("server-pid", 0, 1, int.MaxValue) : null,
            Rate = Number("rate", 1000, 0.1, 1_000_000),
            Duration = duration,
            Warmup = warmup,
            To = Date("to", yesterday),
            From = Date("from", yesterday.AddDays(-89)),
            Sections = values.Remove("sections", out string? sections)
                ? sections.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null,
            MinHitShare = Number("min-hit", 0.99, 0, 1),
            EventsFile = ingest ? Take("events", null) : null,
            Chunk = (int)Number("chunk", 10_000, 1, 10_000_000),
            Total = (long)Number("total", 2_000_000, 1, 1e12),
            Concurrency = (int)Number("concurrency", 4, 1, 1024),
        };
        if (values.Count > 0)
        {
            throw new UsageException("unknown option(s): " + string.Join(", ", values.Keys.Select(k => "--" + k)));
        }

        return options;
    }
}

/// <summary>The command line cannot work (exit 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The run cannot start or went wrong before any result (exit 1).</summary>
internal sealed class LoadTestException(string message) : Exception(message);
