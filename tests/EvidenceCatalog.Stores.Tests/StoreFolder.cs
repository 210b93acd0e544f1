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
    public static IngestionCounts Ingest(IEventStore store, string source, byte[] lines, bool complete = true)
    {
        var counter = new IngestionCounter();
        using var writer = store.BeginIngestion(source, Vocabulary, counter);
        new EventStreamReader(Vocabulary).Read(new MemoryStream(lines), source, writer, counter);
        if (complete)
        {
            writer.Complete();
        }

        return counter.Snapshot();
    }

    public static IngestionCounts Ingest(IEventStore store, string source, string lines, bool complete = true) =>
        Ingest(store, source, Encoding.UTF8.GetBytes(lines), complete);

    /// <summary>Streams JSON Lines into a tally, as a report from files does; the counts of what was read.</summary>
    public static FilledTally Stream(EvidenceTally tally, string lines)
    {
        var counter = new IngestionCounter();
        new EventStreamReader(Vocabulary).Read(new MemoryStream(Encoding.UTF8.GetBytes(lines)), "events.jsonl", tally, counter);
        return new FilledTally(tally, counter.Snapshot());
    }

    /// <summary>Fills a tally from a store, as a report from a store does; the counts of what was read.</summary>
    public static FilledTally Fill(IEventStore store, EvidenceTally tally)
    {
        var counter = new IngestionCounter();
        store.FillTally(tally, counter);
        return new FilledTally(tally, counter.Snapshot());
    }

    public static string Line(string id, string time, string type = "policy.decision", string? outcome = "allow", string account = "acme", string actor = "user:ana@acme.example") =>
        Encoding.UTF8.GetString(EventJson.ToUtf8(new AuditEvent(id, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), type, outcome, actor, account)));

    public static string Text(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    /// <summary>The ingestion log's clock in tests: 2026-11-23T12:00:00Z.</summary>
    internal sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    }
}

/// <summary>A tally and the counts of the records read into it.</summary>
internal sealed record FilledTally(EvidenceTally Tally, IngestionCounts Read)
{
    /// <summary>Every count a report shows: read, accepted, duplicates, rejected, and the classification.</summary>
    public (long Read, long Accepted, long Duplicates, long Rejected, long InWindow, long OutsideWindow, long OtherAccounts) Counts =>
        (Read.Read, Read.Accepted, Read.Duplicates, Read.Rejected, Tally.Classified.InWindow, Tally.Classified.OutsideWindow, Tally.Classified.OtherAccounts);
}
