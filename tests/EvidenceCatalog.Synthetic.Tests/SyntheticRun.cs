using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Synthetic;

namespace EvidenceCatalog.Synthetic.Tests;

/// <summary>One synthetic event as read back from its line.</summary>
internal sealed record ReadEvent(string Id, DateTimeOffset Time, string TimeText, string Type, string? Outcome, string Actor, string Account)
{
    public CalendarDate Date => new(Time.UtcDateTime.Year, Time.UtcDateTime.Month, Time.UtcDateTime.Day);
}

/// <summary>A run's options, its bytes and its events read back.</summary>
internal sealed record GeneratedEvents(SyntheticEventOptions Options, byte[] Bytes, List<ReadEvent> Events);

/// <summary>Runs the generator over the sample catalogs in memory and reads its lines back with System.Text.Json.</summary>
internal static class SyntheticRun
{
    public static CatalogModel Model => GeneratedEvidenceCatalog.Instance.Model;

    public static SyntheticEventOptions Options(int days = 30, int perDay = 1000, ulong seed = 1) => new()
    {
        Account = "northwind-cloud",
        Start = new CalendarDate(2026, 3, 1),
        Days = days,
        PerDay = perDay,
        Seed = seed,
    };

    public static byte[] Bytes(SyntheticEventOptions options)
    {
        using var stream = new MemoryStream();
        new SyntheticEventGenerator(Model, options).Write(stream);
        return stream.ToArray();
    }

    public static List<ReadEvent> Events(SyntheticEventOptions options) => Read(Bytes(options));

    public static GeneratedEvents Generate(SyntheticEventOptions options)
    {
        byte[] bytes = Bytes(options);
        return new GeneratedEvents(options, bytes, Read(bytes));
    }

    /// <summary>Every line parsed; a missing required field or a malformed line throws.</summary>
    public static List<ReadEvent> Read(byte[] bytes)
    {
        var events = new List<ReadEvent>();
        foreach (string line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string timeText = root.GetProperty("time").GetString()!;
            events.Add(new ReadEvent(
                root.GetProperty("id").GetString()!,
                DateTimeOffset.Parse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                timeText,
                root.GetProperty("type").GetString()!,
                root.TryGetProperty("outcome", out var outcome) ? outcome.GetString() : null,
                root.GetProperty("actor").GetString()!,
                root.GetProperty("account").GetString()!));
        }

        return events;
    }
}
