using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.PostgreSql;
using EvidenceCatalog.Tests.Shared;
using Npgsql;
using Xunit;
using static EvidenceCatalog.Stores.Tests.IdempotentIngestionTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// Ingestion into PostgreSQL: keyed by (account, id) as in SQLite, so the same events twice are duplicates the second
/// time; batches committed one by one with the ingestion log, a stop losing only the open batch.
/// </summary>
public sealed class PostgresIngestionTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    private static readonly string ThreeEvents = Text(
        Line("a", "2026-03-02T10:00:00Z"),
        Line("b", "2026-03-02T11:00:00Z", "auth.login", "failure"),
        Line("c", "2026-03-03T09:00:00Z", "access.granted", null));

    private static string Events(int count, int firstId = 0) =>
        Text(Enumerable.Range(firstId, count).Select(i => Line($"e{i:D3}", $"2026-03-02T10:{i % 60:D2}:00Z")).ToArray());

    [PostgresFact]
    public void Ingesting_the_same_file_twice_adds_nothing_the_second_time()
    {
        using var store = OpenStore();

        var first = Ingest(store, "events.jsonl", ThreeEvents);
        var second = Ingest(store, "events.jsonl", ThreeEvents);

        AssertCounts(first, read: 3, accepted: 3, duplicates: 0);
        AssertCounts(second, read: 3, accepted: 0, duplicates: 3);
        Assert.Equal(["a", "b", "c"], StoredEvents(store).Select(e => e.Id));
    }

    [PostgresFact]
    public void Duplicates_within_a_file_across_files_and_across_accounts_count_as_in_sqlite()
    {
        using var store = OpenStore();
        Ingest(store, "first.jsonl", Text(Line("a", "2026-03-02T10:00:00Z")));

        var stats = Ingest(store, "second.jsonl", Text(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T10:00:00Z"), "not json"));
        var other = Ingest(store, "globex.jsonl", Text(Line("a", "2026-03-02T10:00:00Z", account: "globex")));

        AssertCounts(stats, read: 4, accepted: 1, duplicates: 2);
        Assert.Equal(1, stats.Rejected);
        AssertCounts(other, read: 1, accepted: 1, duplicates: 0);
        Assert.Single(StoredEvents(store, "globex"));
    }

    [PostgresFact]
    public void Every_event_is_stored_across_batch_boundaries()
    {
        using var store = OpenStore(batchSize: 3);
        Ingest(store, "first.jsonl", Events(4));

        // 10 lines, 4 of them stored already: duplicates straddle the first batch boundary.
        using var writerStore = OpenStore(batchSize: 3);
        var stats = Ingest(writerStore, "second.jsonl", Events(10));

        AssertCounts(stats, read: 10, accepted: 6, duplicates: 4);
        Assert.Equal(10, StoredEvents(store).Length);
    }

    [PostgresFact]
    public void Stopping_mid_way_keeps_the_committed_batches_and_loses_only_the_open_one()
    {
        using (var store = OpenStore(batchSize: 4))
        {
            // No Complete: the process stopped with two batches committed and two events in the open one.
            Ingest(store, "cut.jsonl", Events(10), complete: false);
            Assert.Equal(8, StoredEvents(store).Length);
        }

        using var reopened = OpenStore(batchSize: 4);
        var again = Ingest(reopened, "cut.jsonl", Events(10));

        AssertCounts(again, read: 10, accepted: 2, duplicates: 8);
        Assert.Equal(10, StoredEvents(reopened).Length);
    }

    [PostgresFact]
    public void The_ingestion_log_records_each_input_with_its_counts()
    {
        using (var store = OpenStore(batchSize: 2))
        {
            Ingest(store, "first.jsonl", Events(5));
            Ingest(store, "second.jsonl", Events(5, firstId: 3) + "not json\n");
            Ingest(store, "cut.jsonl", Events(3, firstId: 20), complete: false);
        }

        var log = new List<string>();
        using (var command = Schema.DataSource.CreateCommand(
            $"SELECT source, started_at, finished_at, read, accepted, duplicates, rejected FROM {Schema.QuotedName}.ingestions ORDER BY id"))
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                log.Add(string.Join(' ', Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? "null" : rows.GetValue(i) is DateTime t ? t.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : rows.GetValue(i).ToString())));
            }
        }

        Assert.Equal(
            [
                "first.jsonl 2026-11-23T12:00:00.0000000Z 2026-11-23T12:00:00.0000000Z 5 5 0 0",
                "second.jsonl 2026-11-23T12:00:00.0000000Z 2026-11-23T12:00:00.0000000Z 6 3 2 1",
                "cut.jsonl 2026-11-23T12:00:00.0000000Z null 2 2 0 0",
            ],
            log);
    }

    [PostgresFact]
    public void A_second_ingestion_cannot_start_while_one_is_open()
    {
        using var store = OpenStore();
        using var writer = store.BeginIngestion("a.jsonl", Vocabulary, new IngestionCounter());

        Assert.Throws<InvalidOperationException>(() => store.BeginIngestion("b.jsonl", Vocabulary, new IngestionCounter()));
        Assert.Throws<InvalidOperationException>(() => store.ReadEvents("acme", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [PostgresFact]
    public async Task Ingestions_of_overlapping_events_at_once_store_each_event_once()
    {
        using var location = TestStores.Parse(Schema.StoreSpec, new EventStoreLocationOptions { BatchSize = 50 });
        location.Initialize();
        string[] inputs = [Events(400), Events(400, firstId: 200), Events(400, firstId: 100)];

        var results = await Task.WhenAll(inputs.Select(lines => Task.Run(() =>
        {
            using var store = location.Open();
            return Ingest(store, "events.jsonl", lines);
        })));

        Assert.Equal(600, results.Sum(s => s.Accepted));
        Assert.Equal(600, results.Sum(s => s.Duplicates));
        using var reader = location.Open();
        Assert.Equal(600, StoredEvents(reader).Length);
    }

    [PostgresFact]
    public void An_event_with_U0000_is_rejected_by_the_reader_and_the_others_are_stored()
    {
        using var store = OpenStore(batchSize: 2);

        var stats = Ingest(store, "events.jsonl", Events(3) + Line("nul\u0000id", "2026-03-02T10:00:00Z") + "\n");

        Assert.Equal((4, 3, 1), (stats.Read, stats.Accepted, stats.Rejected));
        Assert.Equal(3, StoredEvents(store).Length);
    }

    [PostgresFact]
    public void A_record_with_U0000_that_reaches_the_writer_another_way_is_refused_with_its_line()
    {
        using var store = OpenStore(batchSize: 2);
        var stats = new IngestionCounter();
        using var writer = store.BeginIngestion("hand-made", Vocabulary, stats);
        int type = Vocabulary.FindType("policy.decision");

        var failure = Assert.Throws<EventStoreException>(() => writer.Accept(new EventRecord
        {
            Line = 7,
            Id = "nul\0id"u8,
            Account = "northwind-cloud"u8,
            Actor = "user:ada"u8,
            Type = type,
            Cell = Vocabulary.FindCell(type, "allow"),
            UtcTicks = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc).Ticks,
        }));

        Assert.Equal(
            "line 7: field 'id' holds the character U+0000, which PostgreSQL text cannot store; remove it from the event (the batches before this one are stored)",
            failure.Message);
    }

    [PostgresFact]
    public void A_database_error_is_one_exception_naming_the_store()
    {
        using var store = OpenStore();
        Schema.Scalar("ALTER TABLE {schema}.events ADD CONSTRAINT no_bs CHECK (id <> 'b')");

        var failure = Assert.Throws<EventStoreException>(() => Ingest(store, "events.jsonl", ThreeEvents));

        Assert.StartsWith($"event store '{store.Display}': 23514: ", failure.Message, StringComparison.Ordinal);
        Assert.IsType<PostgresException>(failure.InnerException);
        Assert.Empty(StoredEvents(store));
    }
}
