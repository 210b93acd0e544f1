using System;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.PostgreSql;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Stores.Tests.PushdownEqualsStreamingTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// The same events give the same report from SQLite, from PostgreSQL and from the JSON Lines they came from, byte for
/// byte, and PostgreSQL judges the controls and criteria exactly as the JSON Lines stream of those events does.
/// </summary>
public sealed class PostgresReportEquivalenceTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    [PostgresTheory]
    [InlineData("2026-03-01", "2026-11-05", "America/New_York", 5)]
    [InlineData("2026-03-20", "2026-04-05", "Europe/Berlin", 1)]
    public void Controls_validation_samples_and_sections_are_byte_identical(string from, string to, string zone, int sampleSize)
    {
        var options = new ReportOptions
        {
            Account = "acme",
            From = CalendarDate.Parse(from),
            To = CalendarDate.Parse(to),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
            SampleSize = sampleSize,
            Clock = new FixedTime(),
        };
        var window = new ReportWindow(options.From, options.To, options.TimeZone);
        byte[] lines = Lines(Population(window, seed: 5));

        using var folder = new StoreFolder();
        using var sqlite = folder.OpenStore(batchSize: 1000);
        Ingest(sqlite, "events.jsonl", lines);
        using var postgres = OpenStore(batchSize: 1000);
        Ingest(postgres, "events.jsonl", lines);

        using var fromSqlite = JsonDocument.Parse(Report(sqlite, options));
        using var fromPostgres = JsonDocument.Parse(Report(postgres, options));
        using var fromLines = JsonDocument.Parse(Report(new JsonLinesSource(JsonLinesInput.Stream("events.jsonl", () => new System.IO.MemoryStream(lines))), options));

        foreach (string part in new[] { "criteria", "controls", "evidenceRequests", "validation", "samples", "sections" })
        {
            Assert.Equal(fromLines.RootElement.GetProperty(part).GetRawText(), fromSqlite.RootElement.GetProperty(part).GetRawText());
            Assert.Equal(fromSqlite.RootElement.GetProperty(part).GetRawText(), fromPostgres.RootElement.GetProperty(part).GetRawText());
        }

        Assert.True(fromSqlite.RootElement.GetProperty("controls").EnumerateObject().MoveNext(), "the report has controls");
    }

    [PostgresTheory]
    [MemberData(nameof(ReportEqualsStreamingTests.Windows), MemberType = typeof(ReportEqualsStreamingTests))]
    public void PostgreSQL_gives_the_judgement_of_the_stream(string from, string to, string zone, int sampleSize)
    {
        var options = ReportEqualsStreamingTests.Options(from, to, zone, sampleSize);
        byte[] lines = Lines(Population(new ReportWindow(options.From, options.To, options.TimeZone), seed: 11));
        using var postgres = OpenStore(batchSize: 1000);
        Ingest(postgres, "events.jsonl", lines);

        ReportEqualsStreamingTests.AssertJudgedAsStream(postgres, options, lines);
    }

    private static byte[] Report(IEventStore store, ReportOptions options) => Report(new StoreSource(store, "store"), options);

    private static byte[] Report(IEvidenceSource source, ReportOptions options) =>
        new ReportJob(GeneratedEvidenceCatalog.Instance, options).RunAsync(source).GetAwaiter().GetResult().Json;
}
