using System;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Stores.Tests.PushdownEqualsStreamingTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// A report from PostgreSQL equals one streamed from the same account's events (and so one from SQLite): the same counts per cell
/// and day in a time zone with daylight-saving changes, the same actors, samples, statistics and rejections.
/// </summary>
public sealed class PostgresPushdownTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    public static TheoryData<string, string, int> StoreWindows => Windows;

    [PostgresTheory]
    [MemberData(nameof(StoreWindows))]
    public void The_store_fills_the_tally_exactly_as_the_stream_does(string from, string to, int sampleSize)
    {
        using var store = OpenStore(batchSize: 500);
        AssertFillsAsStream(store, from, to, sampleSize);
    }

    [PostgresFact]
    public async Task The_async_form_fills_the_same_tally()
    {
        using var store = OpenStore();
        await AssertAsyncFillsAsSync(store);
    }

    [PostgresFact]
    public void Duplicates_and_rejections_stay_with_the_ingestion()
    {
        using var store = OpenStore();
        AssertDuplicatesAndRejectionsStayWithTheIngestion(store);
    }

    [PostgresFact]
    public void Other_accounts_are_named_only_when_asked_and_never_counted()
    {
        using var store = OpenStore();
        AssertOtherAccountsAreNamedOnlyWhenAsked(store);
    }

    [PostgresFact]
    public void Rows_of_undeclared_types_and_outcomes_are_rejected_at_report_time()
    {
        using var store = OpenStore();
        UndeclaredEventTests.AssertRejectedAtReportTime(store, (id, time, type, outcome, actor) => AddRow(id, time, type, outcome, actor));
    }

    [PostgresFact]
    public void Events_at_one_instant_are_sampled_in_the_utf8_order_of_their_ids()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 2), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        using var store = OpenStore();
        Ingest(store, "events.jsonl", SampleOrderTests.SameInstant);

        var tally = new EvidenceTally(Vocabulary, window, "acme", sampleSize: 2);
        store.FillTally(tally, new IngestionCounter());

        Assert.Equal(["\uff21", "\U0001F600"], tally.SampleOf(SampleOrderTests.DenyControl).Select(e => e.Id));
    }
}
