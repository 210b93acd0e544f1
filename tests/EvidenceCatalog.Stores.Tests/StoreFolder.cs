using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.Sqlite;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>A temporary folder for a test's SQLite files (real files, as users have them), deleted on dispose.</summary>
internal sealed class StoreFolder : IDisposable
{
    public static readonly EventVocabulary Vocabulary = new(GeneratedEvidenceCatalog.Instance);

    public StoreFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidence-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The default store file of the test.</summary>
    public string StorePath => File("events.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public SqliteEventStore OpenStore(int batchSize = SqliteEventStoreOptions.DefaultBatchSize) =>
        SqliteEventStore.OpenOrCreate(StorePath, new SqliteEventStoreOptions { BatchSize = batchSize, Clock = new FixedTime() });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }

    /// <summary>The events as JSON Lines, the way a service writes them.</summary>
    public static byte[] Lines(IEnumerable<AuditEvent> events)
    {
        var text = new MemoryStream();
        foreach (var auditEvent in events)
        {
            text.Write(EventJson.ToUtf8(auditEvent));
            text.WriteByte((byte)'\n');
        }

        return text.ToArray();
    }

    /// <summary>Reads JSON Lines into the store as `evidence ingest` does; without <paramref name="complete"/>, as if the process stopped at the end.</summary>
    public static IngestionStats Ingest(IEventStore store, string source, byte[] lines, bool complete = true)
    {
        var stats = new IngestionStats();
        using var writer = store.BeginIngestion(source, Vocabulary, stats);
        new EventStreamReader(Vocabulary).Read(new MemoryStream(lines), source, writer, stats, null);
        if (complete)
        {
            writer.Complete();
        }

        return stats;
    }

    public static IngestionStats Ingest(IEventStore store, string source, string lines, bool complete = true) =>
        Ingest(store, source, Encoding.UTF8.GetBytes(lines), complete);

    /// <summary>Streams JSON Lines into a tally, as a report from files does.</summary>
    public static void Stream(EvidenceTally tally, string lines) =>
        new EventStreamReader(Vocabulary).Read(new MemoryStream(Encoding.UTF8.GetBytes(lines)), "events.jsonl", tally, tally.Stats, null);

    public static string Line(string id, string time, string type = "policy.decision", string? outcome = "allow", string account = "acme", string actor = "user:ana@acme.example") =>
        Encoding.UTF8.GetString(EventJson.ToUtf8(new AuditEvent(id, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), type, outcome, actor, account)));

    public static string Text(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    /// <summary>The ingestion log's clock in tests: 2026-11-23T12:00:00Z.</summary>
    internal sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    }
}
