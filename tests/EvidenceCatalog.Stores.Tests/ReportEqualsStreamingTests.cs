using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;
using Xunit;
using static EvidenceCatalog.Stores.Tests.PushdownEqualsStreamingTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// A report from the store judges the controls and criteria exactly as one from the same events read as JSON Lines: the
/// criteria view, the controls with their operating tests, the evidence requests and the Type II validation are byte
/// for byte the same, in time zones with daylight-saving changes inside the window.
/// </summary>
public sealed class ReportEqualsStreamingTests
{
    /// <summary>The report's members that are judged from the events, compared between a store and the stream.</summary>
    internal static readonly string[] JudgedMembers = ["criteria", "controls", "evidenceRequests", "validation"];

    /// <summary>Windows before the reports' time (2026-11-23), so that no event of the population is in the future.</summary>
    public static TheoryData<string, string, string, int> Windows => new()
    {
        // 2020-W53 (28 December 2020 to 3 January 2021) and both New York clock changes of 2020 inside a long window.
        { "2020-03-01", "2021-01-10", "America/New_York", 5 },

        // Berlin's end of summer time (Sunday 25 October) inside a window that starts mid-quarter.
        { "2026-08-15", "2026-11-20", "Europe/Berlin", 1 },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void SQLite_gives_the_judgement_of_the_stream(string from, string to, string zone, int sampleSize)
    {
        var options = Options(from, to, zone, sampleSize);
        byte[] lines = Lines(Population(new ReportWindow(options.From, options.To, options.TimeZone), seed: 11));
        using var folder = new StoreFolder();
        using var store = folder.OpenStore(batchSize: 1000);
        Ingest(store, "events.jsonl", lines);

        AssertJudgedAsStream(store, options, lines);
    }

    internal static ReportOptions Options(string from, string to, string zone, int sampleSize) => new()
    {
        Account = "acme",
        From = CalendarDate.Parse(from),
        To = CalendarDate.Parse(to),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
        SampleSize = sampleSize,
        Clock = new FixedTime(),
    };

    /// <summary>The store's report and the stream's report of <paramref name="lines"/> have the same <see cref="JudgedMembers"/>, to the byte.</summary>
    internal static void AssertJudgedAsStream(IEventStore store, ReportOptions options, byte[] lines)
    {
        using var streamed = JsonDocument.Parse(Report(new JsonLinesSource(JsonLinesInput.Stream("events.jsonl", () => new MemoryStream(lines))), options));
        using var stored = JsonDocument.Parse(Report(new StoreSource(store, "store"), options));

        foreach (string member in JudgedMembers)
        {
            Assert.Equal(streamed.RootElement.GetProperty(member).GetRawText(), stored.RootElement.GetProperty(member).GetRawText());
        }

        // The population exercises the judgement: some control has exceptions, and every criterion is there.
        Assert.True(streamed.RootElement.GetProperty("validation").GetProperty("controlExceptions").GetInt32() > 0);
        Assert.Equal(61, streamed.RootElement.GetProperty("criteria").EnumerateObject().Count());
    }

    private static byte[] Report(IEvidenceSource source, ReportOptions options) =>
        new ReportJob(GeneratedEvidenceCatalog.Instance, options).RunAsync(source).GetAwaiter().GetResult().Json;
}
