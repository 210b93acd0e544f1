using System;
using System.IO;
using System.Text.Json;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Stores.Tests.PushdownEqualsStreamingTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// A report from the SQLite store equals the report from the JSON Lines the store was filled from: the controls, the
/// Type II validation, the samples and every section, byte for byte; only the meta says where the events came from.
/// </summary>
public sealed class StoreReportEqualsStreamedReportTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-11-05", "America/New_York")]
    [InlineData("2026-03-20", "2026-04-05", "Europe/Berlin")]
    [InlineData("2026-10-20", "2026-11-10", "UTC")]
    public void Controls_validation_samples_and_sections_are_byte_identical(string from, string to, string zone)
    {
        var options = new ReportOptions
        {
            Account = "acme",
            From = CalendarDate.Parse(from),
            To = CalendarDate.Parse(to),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
            Clock = new FixedTime(),
        };
        byte[] lines = Lines(Population(new ReportWindow(options.From, options.To, options.TimeZone), seed: 11));
        using var folder = new StoreFolder();
        using var store = folder.OpenStore(batchSize: 700);
        Ingest(store, "events.jsonl", lines);

        using var streamed = JsonDocument.Parse(Report(new JsonLinesSource(JsonLinesInput.Stream("events.jsonl", () => new MemoryStream(lines))), options));
        using var stored = JsonDocument.Parse(Report(new StoreSource(store, "store"), options));

        foreach (string part in new[] { "controls", "validation", "samples", "sections" })
        {
            Assert.Equal(streamed.RootElement.GetProperty(part).GetRawText(), stored.RootElement.GetProperty(part).GetRawText());
        }

        Assert.Contains(
            streamed.RootElement.GetProperty("samples").GetProperty("controls").EnumerateObject(),
            c => c.Value.GetProperty("events").GetArrayLength() > 0);
    }

    private static byte[] Report(IEvidenceSource source, ReportOptions options) =>
        new ReportJob(GeneratedEvidenceCatalog.Instance, options).RunAsync(source).GetAwaiter().GetResult().Json;
}
