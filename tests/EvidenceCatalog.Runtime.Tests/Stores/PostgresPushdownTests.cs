using System;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Stores.PushdownEqualsStreamingTests;
using static EvidenceCatalog.Runtime.Tests.Stores.StoreFolder;

namespace EvidenceCatalog.Runtime.Tests.Stores;

/// <summary>
/// A report from PostgreSQL equals one streamed from the same events (and so one from SQLite): the same counts per cell
/// and day in a time zone with daylight-saving changes, the same actors, samples, statistics and rejections.
/// </summary>
public sealed class PostgresPushdownTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    private const string Zone = "America/New_York";

    public static TheoryData<string, string, int> StoreWindows => Windows;

    [PostgresTheory]
    [MemberData(nameof(StoreWindows))]
    public void The_store_fills_the_tally_exactly_as_the_stream_does(string from, string to, int sampleSize)
    {
        var window = new ReportWindow(CalendarDate.Parse(from), CalendarDate.Parse(to), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        byte[] lines = Lines(Population(window, seed: 20260308));
        var streamed = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), sampleSize);
        Stream(streamed, System.Text.Encoding.UTF8.GetString(lines));

        using var store = OpenStore(batchSize: 500);
        Ingest(store, "events.jsonl", lines);
        var pushed = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), sampleSize);
        store.FillTally(pushed);

        AssertSameTally(streamed, pushed);
    }

    [PostgresFact]
    public async Task The_async_form_fills_the_same_tally()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 6, 30), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        using var store = OpenStore();
        Ingest(store, "events.jsonl", Lines(Population(window, seed: 7)));

        var sync = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), 5);
        store.FillTally(sync);
        var async = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), 5);
        await store.FillTallyAsync(async);

        AssertSameTally(sync, async);
    }

    [PostgresFact]
    public void Duplicates_and_rejections_stay_with_the_ingestion()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        string text = Text(Line("a", "2026-03-02T10:00:00Z"), Line("a", "2026-03-02T10:00:00Z"), "{broken", Line("b", "2026-04-02T10:00:00Z"), Line("c", "2026-03-05T10:00:00Z", account: "globex"));
        using var store = OpenStore();
        var ingestion = Ingest(store, "events.jsonl", text);

        var tally = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), 5);
        store.FillTally(tally);

        Assert.Equal((5, 3, 1, 1), (ingestion.Read, ingestion.Accepted, ingestion.Duplicates, ingestion.Rejected));
        var stats = tally.Stats;
        Assert.Equal((3L, 3L, 0L, 0L), (stats.Read, stats.Accepted, stats.Duplicates, stats.Rejected));
        Assert.Equal((1L, 1L, 1L), (stats.InWindow, stats.OutsideWindow, stats.OtherAccounts));
    }

    [PostgresFact]
    public void Rows_of_undeclared_types_and_outcomes_are_rejected_at_report_time()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        string declared = Text(Line("a", "2026-03-20T10:00:00Z", "policy.decision", "deny", actor: "user:ana"), Line("b", "2026-02-10T10:00:00Z"));
        using var store = OpenStore();
        Ingest(store, "events.jsonl", declared);
        AddRow("old-1", "2026-03-20T11:00:00Z", "legacy.login", "success", "user:old");
        AddRow("old-2", "2026-03-02T11:00:00Z", "policy.decision", "maybe", "user:old");
        AddRow("old-3", "2025-06-01T11:00:00Z", "legacy.login", null, "user:old");

        var tally = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), 5);
        store.FillTally(tally);
        var streamed = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), 5);
        Stream(streamed, declared);

        var stats = tally.Stats;
        Assert.Equal((5L, 3L, 2L), (stats.Read, stats.Accepted, stats.Rejected));
        Assert.Equal((1L, 2L, 0L), (stats.InWindow, stats.OutsideWindow, stats.OtherAccounts));
        AssertSameEvidence(streamed, tally);
    }

    [PostgresFact]
    public void Events_at_one_instant_are_sampled_in_the_utf8_order_of_their_ids()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 2), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        using var store = OpenStore();
        Ingest(store, "events.jsonl", SampleOrderTests.SameInstant);

        var tally = new EvidenceTally(Vocabulary, window, "acme", new IngestionStats(), sampleSize: 2);
        store.FillTally(tally);

        Assert.Equal(["\uff21", "\U0001F600"], tally.SampleOf(SampleOrderTests.DenyControl).Select(e => e.Id));
    }
}
