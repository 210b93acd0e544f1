using System;
using System.Text;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Stores;
using Npgsql;
using NpgsqlTypes;

namespace EvidenceCatalog.Stores.PostgreSql;

/// <summary>
/// Appends accepted events to a PostgreSQL store in batches of <see cref="PostgresEventStoreOptions.BatchSize"/>: each
/// batch streams its rows with binary COPY into a temporary staging table, then one
/// <c>INSERT ... SELECT ... ON CONFLICT (account, id) DO NOTHING</c> moves the new ones into <c>events</c>, and the
/// transaction commits together with the ingestion log's counts, so the log always describes what is committed.
/// </summary>
/// <remarks>
/// Synchronous, because the reader's <see cref="EventRecord"/> cannot cross an <c>await</c>. A row that was already
/// stored is found when its batch is inserted: the batch's rows minus the rows inserted move from Accepted to
/// Duplicates then, so <see cref="BatchedEventWriter.Written"/> and the counts are exact from the end of each batch on. The staging
/// insert runs in key order, so two ingestions of overlapping events lock keys in the same order and wait for each
/// other instead of deadlocking.
/// </remarks>
internal sealed class PostgresEventWriter : BatchedEventWriter
{
    private const string StagingTable = "pg_temp.evidence_staging";

    private static readonly string[] FieldNames = ["id", "account", "actor", "resource", "ip", "attributes"];

    private readonly PostgresEventStore store;
    private readonly NpgsqlConnection connection;
    private readonly IngestionCounter counter;
    private readonly string source;
    private readonly string[] typeNames;
    private readonly string?[] outcomeNames;
    private readonly string insertSql;
    private readonly string events;
    private char[] chars = new char[256];
    private NpgsqlTransaction? transaction;
    private NpgsqlBinaryImporter? copy;
    private long logId;

    public PostgresEventWriter(PostgresEventStore store, NpgsqlConnection connection, string source, EventVocabulary vocabulary, IngestionCounter counter, PostgresEventStoreOptions options)
        : base(options.BatchSize)
    {
        this.store = store;
        this.connection = connection;
        this.source = source;
        this.counter = counter;
        StartedAt = options.Clock.GetUtcNow();
        typeNames = vocabulary.Types;
        outcomeNames = new string?[vocabulary.CellCount];
        for (int cell = 0; cell < outcomeNames.Length; cell++)
        {
            outcomeNames[cell] = vocabulary.OutcomeOf(cell);
        }

        events = store.QuotedSchema + ".events";
        insertSql =
            $"INSERT INTO {events} (account, id, time, type, outcome, actor, resource, ip, attributes) "
            + $"SELECT account, id, time, type, outcome, actor, resource, ip, attributes FROM {StagingTable} ORDER BY account, id "
            + "ON CONFLICT (account, id) DO NOTHING";
        try
        {
            // Rows go away at each commit; a rolled-back batch takes its rows with it.
            Execute(
                $"CREATE TEMP TABLE IF NOT EXISTS evidence_staging (LIKE {events} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>When the ingestion started, as recorded in the log.</summary>
    public DateTimeOffset StartedAt { get; }

    protected override EventVerdict Append(in EventRecord record)
    {
        RefuseNul(record);
        var rows = copy!;
        try
        {
            rows.StartRow();
            WriteText(rows, record.Account);
            WriteText(rows, record.Id);
            rows.Write(record.UtcTicks, NpgsqlDbType.Bigint);
            rows.Write(typeNames[record.Type], NpgsqlDbType.Text);
            if (outcomeNames[record.Cell] is { } outcome)
            {
                rows.Write(outcome, NpgsqlDbType.Text);
            }
            else
            {
                rows.WriteNull();
            }

            WriteText(rows, record.Actor);
            WriteText(rows, record.Resource);
            WriteText(rows, record.Ip);
            WriteText(rows, record.Attributes);
        }
        catch (NpgsqlException exception)
        {
            throw store.Failure(exception);
        }

        // Whether it was new is known when the batch's insert runs.
        return EventVerdict.Pending;
    }

    protected override void RollbackBatch()
    {
        try
        {
            // Disposing an unfinished COPY cancels it; the rollback then drops the batch.
            copy?.Dispose();
            transaction?.Rollback();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The batch is gone either way.
        }
    }

    protected override void Release()
    {
        copy = null;
        transaction?.Dispose();
        transaction = null;
        connection.Dispose();
        store.EndIngestion(this);
    }

    /// <summary>PostgreSQL text cannot hold U+0000, which JSON may escape as \u0000: say so, naming the line.</summary>
    private static void RefuseNul(in EventRecord record)
    {
        ReadOnlySpan<byte> nul = [0];
        int field = record.Id.IndexOf(nul) >= 0 ? 0
            : record.Account.IndexOf(nul) >= 0 ? 1
            : record.Actor.IndexOf(nul) >= 0 ? 2
            : record.Resource.IndexOf(nul) >= 0 ? 3
            : record.Ip.IndexOf(nul) >= 0 ? 4
            : record.Attributes.IndexOf(nul) >= 0 ? 5
            : -1;
        if (field >= 0)
        {
            throw new EventStoreException(
                $"line {record.Line}: field '{FieldNames[field]}' holds the character U+0000, which PostgreSQL text cannot store; remove it from the event (the batches before this one are stored)");
        }
    }

    /// <summary>Writes UTF-8 text, or NULL for an absent (empty) value.</summary>
    private void WriteText(NpgsqlBinaryImporter rows, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            rows.WriteNull();
            return;
        }

        if (chars.Length < utf8.Length)
        {
            chars = new char[Math.Max(utf8.Length, chars.Length * 2)];
        }

        int length = Encoding.UTF8.GetChars(utf8, chars);
        rows.Write(new ReadOnlyMemory<char>(chars, 0, length), NpgsqlDbType.Text);
    }

    protected override void BeginBatch()
    {
        try
        {
            transaction = connection.BeginTransaction();
            if (logId == 0)
            {
                using var log = Command(
                    $"INSERT INTO {store.QuotedSchema}.ingestions (source, started_at, read, accepted, duplicates, rejected, unmapped) VALUES ($1, $2, 0, 0, 0, 0, 0) RETURNING id");
                log.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
                log.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = StartedAt });
                logId = (long)log.ExecuteScalar()!;
            }

            copy = connection.BeginBinaryImport(
                $"COPY {StagingTable} (account, id, time, type, outcome, actor, resource, ip, attributes) FROM STDIN (FORMAT BINARY)");
        }
        catch (NpgsqlException exception)
        {
            throw store.Failure(exception);
        }
    }

    protected override void CommitBatch(bool finished)
    {
        try
        {
            long staged = (long)copy!.Complete();
            copy.Dispose();
            copy = null;
            long inserted;
            using (var insert = Command(insertSql))
            {
                inserted = insert.ExecuteNonQuery();
            }

            // Already in the store from an earlier ingestion (or another one running now): the reader counted them as accepted.
            long duplicates = staged - inserted;
            counter.Resolve(inserted, duplicates);
            Written += inserted;

            using var log = Command(
                $"UPDATE {store.QuotedSchema}.ingestions SET read = $1, accepted = $2, duplicates = $3, rejected = $4, unmapped = $5, finished_at = $6 WHERE id = $7");
            var counts = counter.Snapshot();
            log.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counts.Read });
            log.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counts.Accepted });
            log.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counts.Duplicates });
            log.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counts.Rejected });
            log.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counts.Unmapped });
            log.Parameters.Add(finished
                ? new NpgsqlParameter<DateTimeOffset> { TypedValue = store.Clock.GetUtcNow() }
                : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            log.Parameters.Add(new NpgsqlParameter<long> { TypedValue = logId });
            log.ExecuteNonQuery();
            transaction!.Commit();
        }
        catch (NpgsqlException exception)
        {
            throw store.Failure(exception);
        }

        transaction!.Dispose();
        transaction = null;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);
}
