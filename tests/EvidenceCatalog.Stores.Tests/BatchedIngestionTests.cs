using System;
using System.Linq;
using EvidenceCatalog.Runtime.Events;
using Microsoft.Data.Sqlite;
using Xunit;
using static EvidenceCatalog.Stores.Tests.IdempotentIngestionTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>Events are committed in batches, each with the ingestion log's counts; a stop loses only the open batch.</summary>
public sealed class BatchedIngestionTests
{
    private static string Events(int count, int firstId = 0) =>
        Text(Enumerable.Range(firstId, count).Select(i => Line($"e{i:D3}", $"2026-03-02T10:{i % 60:D2}:00Z")).ToArray());

    [Fact]
    public void Every_event_is_stored_across_batch_boundaries()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore(batchSize: 3);
        Ingest(store, "first.jsonl", Events(4));

        // 10 lines, 4 of them stored already: duplicates straddle the first batch boundary.
        var stats = Ingest(store, "second.jsonl", Events(10));

        AssertCounts(stats, read: 10, accepted: 6, duplicates: 4);
        Assert.Equal(10, StoredEvents(store).Length);
    }

    [Fact]
    public void Stopping_mid_way_keeps_the_committed_batches_and_loses_only_the_open_one()
    {
        using var folder = new StoreFolder();
        using (var store = folder.OpenStore(batchSize: 4))
        {
            // No Complete: the process stopped with two batches committed and two events in the open one.
            Ingest(store, "cut.jsonl", Events(10), complete: false);
            Assert.Equal(8, StoredEvents(store).Length);
        }

        using var reopened = folder.OpenStore(batchSize: 4);
        var again = Ingest(reopened, "cut.jsonl", Events(10));

        AssertCounts(again, read: 10, accepted: 2, duplicates: 8);
        Assert.Equal(10, StoredEvents(reopened).Length);
    }

    [Fact]
    public void The_ingestion_log_records_each_input_with_its_counts()
    {
        using var folder = new StoreFolder();
        using (var store = folder.OpenStore(batchSize: 2))
        {
            Ingest(store, "first.jsonl", Events(5));
            Ingest(store, "second.jsonl", Events(5, firstId: 3) + "not json\n");
        }

        using var connection = new SqliteConnection($"Data Source={folder.StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, started_at, finished_at, read, accepted, duplicates, rejected FROM ingestions ORDER BY id";
        using var rows = command.ExecuteReader();
        var log = new System.Collections.Generic.List<string>();
        while (rows.Read())
        {
            log.Add(string.Join(' ', Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? "null" : rows.GetValue(i).ToString())));
        }

        Assert.Equal(
            [
                "first.jsonl 2026-11-23T12:00:00.0000000Z 2026-11-23T12:00:00.0000000Z 5 5 0 0",
                "second.jsonl 2026-11-23T12:00:00.0000000Z 2026-11-23T12:00:00.0000000Z 6 3 2 1",
            ],
            log);
    }

    [Fact]
    public void A_second_ingestion_cannot_start_while_one_is_open()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        using var writer = store.BeginIngestion("a.jsonl", Vocabulary, new IngestionCounter());

        Assert.Throws<InvalidOperationException>(() => store.BeginIngestion("b.jsonl", Vocabulary, new IngestionCounter()));
    }
}
