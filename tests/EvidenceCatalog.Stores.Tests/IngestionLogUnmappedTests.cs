using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Runtime.Tests.Sources;
using EvidenceCatalog.Stores.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// The ingestion log keeps a log source's unmapped records (schema version 2): every row's counts add up,
/// read = accepted + duplicates + rejected + unmapped, and a store of version 1 is upgraded in place, its rows kept.
/// </summary>
public sealed class IngestionLogUnmappedTests
{
    /// <summary>The tables of a SQLite store as version 1 of the schema made them, before the unmapped column.</summary>
    internal const string SqliteVersion1 = """
        CREATE TABLE events (account TEXT NOT NULL, id TEXT NOT NULL, time INTEGER NOT NULL, type TEXT NOT NULL, outcome TEXT,
            actor TEXT NOT NULL, resource TEXT, ip TEXT, attributes TEXT, PRIMARY KEY (account, id));
        CREATE INDEX events_by_time ON events (account, time, type, outcome, actor);
        CREATE TABLE ingestions (id INTEGER PRIMARY KEY, source TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
            read INTEGER NOT NULL, accepted INTEGER NOT NULL, duplicates INTEGER NOT NULL, rejected INTEGER NOT NULL);
        INSERT INTO events VALUES ('northwind-cloud', 'old-1', 638765280000000000, 'auth.login', 'success', 'user:a', NULL, NULL, NULL);
        INSERT INTO ingestions (source, started_at, finished_at, read, accepted, duplicates, rejected)
            VALUES ('old.jsonl', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:01.0000000Z', 3, 1, 1, 1);
        PRAGMA user_version = 1;
        """;

    /// <summary>The real CloudTrail sample through the test definition into <paramref name="store"/>, as <c>evidence ingest --source</c> does.</summary>
    internal static IngestionCounts IngestCloudTrail(IEventStore store)
    {
        byte[] bytes = SourceSamples.Read("aws-cloudtrail.jsonl");
        var job = new IngestionJob(GeneratedEvidenceCatalog.Instance) { Clock = new StoreFolder.FixedTime() };
        var source = new MappedJsonSource(TestLogSources.CloudTrail, JsonLinesInput.Stream("aws-cloudtrail.jsonl", () => new MemoryStream(bytes)));
        var result = job.RunAsync(source, store).GetAwaiter().GetResult();
        var counts = Assert.Single(result.Inputs).Counts;
        Assert.True(counts.Unmapped > 0 && counts.Accepted > 0, "the sample has mapped and unmapped records");
        return counts;
    }

    /// <summary>The log's rows as <c>source read accepted duplicates rejected unmapped</c>.</summary>
    internal static string[] Rows(System.Data.Common.DbDataReader rows)
    {
        var log = new List<string>();
        while (rows.Read())
        {
            log.Add(string.Join(' ', Enumerable.Range(0, rows.FieldCount).Select(i => rows.GetValue(i).ToString())));
        }

        return [.. log];
    }

    internal static string Row(string source, IngestionCounts counts) =>
        $"{source} {counts.Read} {counts.Accepted} {counts.Duplicates} {counts.Rejected} {counts.Unmapped}";

    [Fact]
    public void A_log_source_ingestion_records_its_unmapped_records_and_the_counts_add_up()
    {
        using var folder = new StoreFolder();
        IngestionCounts counts;
        using (var store = folder.OpenStore(batchSize: 7))
        {
            counts = IngestCloudTrail(store);
        }

        Assert.Equal([Row("aws-cloudtrail.jsonl", counts)], Log(folder.StorePath));
        Assert.Equal(counts.Read, counts.Accepted + counts.Duplicates + counts.Rejected + counts.Unmapped);
    }

    [Fact]
    public void A_version_1_store_is_upgraded_in_place_and_keeps_its_events_and_log()
    {
        using var folder = new StoreFolder();
        Execute(folder.StorePath, SqliteVersion1);

        using var location = EvidenceCatalog.Tests.Shared.TestStores.Parse("sqlite:" + folder.StorePath);
        Assert.Equal("migrated schema version 1 to 2", location.Initialize().ToString());
        Assert.Equal("schema version 2, already current", location.Initialize().ToString());

        IngestionCounts counts;
        using (var store = folder.OpenStore())
        {
            counts = IngestCloudTrail(store);
            Assert.Contains("old-1", IdempotentIngestionTests.StoredEvents(store, "northwind-cloud").Select(e => e.Id));
        }

        Assert.Equal(["old.jsonl 3 1 1 1 0", Row("aws-cloudtrail.jsonl", counts)], Log(folder.StorePath));
    }

    [Fact]
    public void Opening_a_version_1_store_to_ingest_upgrades_it_too()
    {
        using var folder = new StoreFolder();
        Execute(folder.StorePath, SqliteVersion1);

        using (var store = SqliteEventStore.Open(folder.StorePath, new SqliteEventStoreOptions { Clock = new StoreFolder.FixedTime() }))
        {
            IngestCloudTrail(store);
        }

        Assert.Equal(2L, Scalar(folder.StorePath, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(folder.StorePath, "SELECT unmapped FROM ingestions WHERE source = 'old.jsonl'"));
    }

    private static string[] Log(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, read, accepted, duplicates, rejected, unmapped FROM ingestions ORDER BY id";
        using var rows = command.ExecuteReader();
        return Rows(rows);
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, string sql) => Scalar(path, sql);
}
