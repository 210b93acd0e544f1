using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Stores;
using Npgsql;
using NpgsqlTypes;

namespace EvidenceCatalog.Stores.PostgreSql;

/// <summary>
/// The event store at scale: PostgreSQL (or Citus, with <c>events</c> distributed by account), the tables of one schema
/// holding the events keyed by (account, id) and a log of ingestions. Reports aggregate inside the database, exactly as
/// the SQLite store does: counts per day are grouped by the day bounds of the window (UTC ticks from
/// <see cref="ReportWindow"/>, so any time zone and any 23- or 25-hour day is counted exactly), and only grouped rows and
/// the samples cross the wire.
/// </summary>
/// <remarks>
/// Each operation takes a connection from the <see cref="NpgsqlDataSource"/> (pooled) for its duration and returns it,
/// so many stores may share one data source and run at once. One store object runs one operation at a time.
/// </remarks>
public sealed class PostgresEventStore : IEventStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly PostgresEventStoreOptions options;
    private readonly string countDaysSql;
    private readonly string countActorsSql;
    private readonly string countActorsByCellSql;
    private readonly string evidenceSql;
    private readonly string countRowsSql;
    private readonly string readEventsSql;
    private PostgresEventWriter? writer;
    private bool disposed;

    private PostgresEventStore(NpgsqlDataSource dataSource, PostgresEventStoreOptions options, string displayName)
    {
        this.dataSource = dataSource;
        this.options = options;
        Display = displayName;
        string events = QuotedSchema + ".events";

        // One query for every day of the window: width_bucket finds each row's day among the day starts (a binary
        // search), so the database makes one pass over the window and returns days × cells rows.
        countDaysSql =
            $"SELECT width_bucket(time, $2) - 1, type, outcome, count(*) FROM {events} "
            + "WHERE account = $1 AND time >= $3 AND time < $4 GROUP BY 1, 2, 3";
        countActorsSql = $"SELECT actor, count(*) FROM {events} WHERE account = $1 AND time >= $2 AND time < $3 GROUP BY actor";
        countActorsByCellSql =
            $"SELECT actor, type, outcome, count(*) FROM {events} WHERE account = $1 AND time >= $2 AND time < $3 GROUP BY actor, type, outcome";

        // Every row of the window that may be evidence, read once: each control's population digest needs every id.
        evidenceSql = $"SELECT {EventRows.EvidenceColumns} FROM {events} WHERE account = $1 AND time >= $2 AND time < $3 AND type = ANY($4)";
        countRowsSql = $"SELECT count(*) FROM {events} WHERE account = $1";
        readEventsSql =
            $"SELECT {EventRows.Columns} FROM {events} "
            + "WHERE account = $1 AND time >= $2 AND time < $3 ORDER BY time, id COLLATE \"C\"";
    }

    /// <summary>The store as messages name it: the connection string without its password, and the schema.</summary>
    public string Display { get; }

    /// <summary>The schema holding the tables.</summary>
    public string Schema => options.Schema;

    internal string QuotedSchema => PostgresSchema.Quote(options.Schema);

    internal TimeProvider Clock => options.Clock;

    /// <summary>Opens an existing store, migrating its schema if it is older than this build's.</summary>
    /// <exception cref="EventStoreException">The server cannot be reached, the schema has no event store (run <c>evidence store init</c>), or it is newer.</exception>
    public static PostgresEventStore Open(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options = null) =>
        OpenCore(dataSource, options, DisplayOf(dataSource, options), create: false);

    /// <summary>Opens a store, creating the schema and its tables when there are none.</summary>
    /// <exception cref="EventStoreException">The server cannot be reached, the schema holds other tables, or it is newer.</exception>
    public static PostgresEventStore OpenOrCreate(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options = null) =>
        OpenCore(dataSource, options, DisplayOf(dataSource, options), create: true);

    public IEventStoreWriter BeginIngestion(string source, EventVocabulary vocabulary, IngestionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(counter);
        ThrowIfBusy();
        try
        {
            writer = new PostgresEventWriter(this, dataSource.OpenConnection(), source, vocabulary, counter, options);
        }
        catch (NpgsqlException exception)
        {
            throw Failure(exception);
        }

        return writer;
    }

    public void FillTally(EvidenceTally tally, IngestionCounter counter, CancellationToken cancellationToken = default)
    {
        var pending = FillTallyCore(tally, counter, async: false, cancellationToken);

        // The synchronous path never awaits anything that is not already complete.
        pending.GetAwaiter().GetResult();
    }

    public Task FillTallyAsync(EvidenceTally tally, IngestionCounter counter, CancellationToken cancellationToken = default) =>
        FillTallyCore(tally, counter, async: true, cancellationToken).AsTask();

    public IEnumerable<AuditEvent> ReadEvents(string account, DateTimeOffset fromUtc, DateTimeOffset toUtcExclusive)
    {
        ArgumentNullException.ThrowIfNull(account);
        ThrowIfBusy();
        return EventRows.Stream(() => ReadEventsCommand(dataSource.OpenConnection(), account, fromUtc, toUtcExclusive), ownsConnection: true, account, Failure);
    }

    public IAsyncEnumerable<AuditEvent> ReadEventsAsync(
        string account,
        DateTimeOffset fromUtc,
        DateTimeOffset toUtcExclusive,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ThrowIfBusy();
        return EventRows.StreamAsync(
            async cancel => ReadEventsCommand(await dataSource.OpenConnectionAsync(cancel).ConfigureAwait(false), account, fromUtc, toUtcExclusive),
            ownsConnection: true,
            account,
            Failure,
            cancellationToken);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        writer?.Dispose();
    }

    /// <summary>Creates the schema and its tables or migrates them; returns the version the schema had (0 for none).</summary>
    internal static int Initialize(NpgsqlDataSource dataSource, PostgresEventStoreOptions options, string displayName)
    {
        try
        {
            using var connection = dataSource.OpenConnection();
            return PostgresSchema.Migrate(connection, options.Schema, displayName, create: true);
        }
        catch (NpgsqlException exception)
        {
            throw Describe(displayName, exception);
        }
    }

    /// <summary>Checks that the server answers and the schema holds an event store this build can use.</summary>
    internal static async Task PingAsync(NpgsqlDataSource dataSource, PostgresEventStoreOptions options, string displayName, CancellationToken cancellationToken)
    {
        int? version;
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                version = await PostgresSchema.ReadVersionAsync(connection, options.Schema, async: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException exception)
        {
            throw Describe(displayName, exception);
        }

        if (version is null or 0)
        {
            throw PostgresSchema.NotInitialised(displayName, options.Schema);
        }

        PostgresSchema.ThrowIfNewer(version.Value, displayName, options.Schema);
    }

    internal static PostgresEventStore OpenCore(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options, string displayName, bool create)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new PostgresEventStoreOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentException.ThrowIfNullOrEmpty(options.Schema);
        try
        {
            using var connection = dataSource.OpenConnection();
            int? version = PostgresSchema.ReadVersionAsync(connection, options.Schema, async: false, CancellationToken.None).GetAwaiter().GetResult();
            if (version is null or 0 && !create)
            {
                throw PostgresSchema.NotInitialised(displayName, options.Schema);
            }

            if (version != PostgresSchema.CurrentVersion)
            {
                // Missing, older or newer: the migration creates, upgrades or refuses, under its lock.
                PostgresSchema.Migrate(connection, options.Schema, displayName, create);
            }
        }
        catch (NpgsqlException exception)
        {
            throw Describe(displayName, exception);
        }

        return new PostgresEventStore(dataSource, options, displayName);
    }

    /// <summary>The name messages give a store: the connection string (Npgsql leaves the password out) and the schema.</summary>
    internal static string DisplayOf(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        string schema = options?.Schema ?? PostgresEventStoreOptions.DefaultSchema;
        return "postgres:" + dataSource.ConnectionString + (schema == PostgresEventStoreOptions.DefaultSchema ? string.Empty : ";Schema=" + schema);
    }

    /// <summary>A database failure as the one exception callers handle, naming the store.</summary>
    internal EventStoreException Failure(NpgsqlException exception) => Describe(Display, exception);

    private EventStoreException Failure(System.Data.Common.DbException exception) =>
        exception is NpgsqlException npgsql ? Failure(npgsql) : new EventStoreException($"event store '{Display}': {exception.Message}", exception);

    internal void EndIngestion(PostgresEventWriter ended)
    {
        if (ReferenceEquals(writer, ended))
        {
            writer = null;
        }
    }

    private static EventStoreException Describe(string displayName, NpgsqlException exception) => exception switch
    {
        PostgresException server => new EventStoreException(EventStoreProblem.Failed, displayName, $"event store '{displayName}': {OneLine(server.Message)}", exception),
        _ when exception.InnerException is { } inner and not NpgsqlException =>
            new EventStoreException(EventStoreProblem.Unreachable, displayName, $"cannot use event store '{displayName}': {OneLine(exception.Message)} ({OneLine(inner.Message)})", exception),
        _ => new EventStoreException(EventStoreProblem.Unreachable, displayName, $"cannot use event store '{displayName}': {OneLine(exception.Message)}", exception),
    };

    private static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    private static NpgsqlParameter<T> Parameter<T>(NpgsqlCommand command, T value)
    {
        var parameter = new NpgsqlParameter<T> { TypedValue = value };
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async ValueTask<NpgsqlDataReader> ExecuteAsync(NpgsqlCommand command, bool async, CancellationToken cancellationToken) =>
        async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();

    private static async ValueTask<bool> NextAsync(NpgsqlDataReader rows, bool async, CancellationToken cancellationToken) =>
        async ? await rows.ReadAsync(cancellationToken).ConfigureAwait(false) : rows.Read();

    private void ThrowIfBusy()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (writer is not null)
        {
            throw new InvalidOperationException("an ingestion is in progress on this store; complete or dispose its writer first");
        }
    }

    private async ValueTask FillTallyCore(EvidenceTally tally, IngestionCounter counter, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ThrowIfBusy();
        cancellationToken.ThrowIfCancellationRequested();
        var pushdown = new TallyPushdown(tally, counter);
        pushdown.DescribeStore("postgresql", PostgresSchema.CurrentVersion, "one repeatable-read transaction");
        var window = tally.Window;
        try
        {
            var connection = async ? await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false) : dataSource.OpenConnection();
            await using (connection.ConfigureAwait(false))
            {
                // One snapshot: every query sees the same events even while another process ingests.
                var transaction = async
                    ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false)
                    : connection.BeginTransaction(IsolationLevel.RepeatableRead);
                await using (transaction.ConfigureAwait(false))
                {
                    await CountDaysAsync(connection, tally.Account, pushdown, window, async, cancellationToken).ConfigureAwait(false);
                    await CountActorsAsync(connection, tally.Account, pushdown, window, async, cancellationToken).ConfigureAwait(false);
                    await CountAddressesAsync(connection, tally.Account, pushdown, window, async, cancellationToken).ConfigureAwait(false);
                    await ReadEvidenceAsync(connection, tally.Account, pushdown, window, async, cancellationToken).ConfigureAwait(false);
                    long accountRows = await CountRowsAsync(connection, pushdown, tally.Account, async, cancellationToken).ConfigureAwait(false);
                    if (pushdown.ShouldNameOtherAccounts(accountRows))
                    {
                        await NameAccountsAsync(connection, pushdown, async, cancellationToken).ConfigureAwait(false);
                    }

                    pushdown.Finish(accountRows);
                    if (async)
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        transaction.Commit();
                    }
                }
            }
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(exception);
        }
    }

    private async ValueTask CountDaysAsync(NpgsqlConnection connection, string account, TallyPushdown pushdown, ReportWindow window, bool async, CancellationToken cancellationToken)
    {
        long[] dayStarts = new long[window.TotalDays];
        for (int day = 0; day < dayStarts.Length; day++)
        {
            dayStarts[day] = pushdown.DayStart(day);
        }

        using var command = new NpgsqlCommand(countDaysSql, connection);
        Parameter(command, account);
        Parameter(command, dayStarts);
        Parameter(command, pushdown.DayStart(0));
        Parameter(command, pushdown.DayStart(window.TotalDays));
        var recorded = pushdown.Record(
            "events per day, type and outcome over the days the report counts (the window and the audit-log days before it)",
            countDaysSql,
            Positional(account, dayStarts, pushdown.DayStart(0), pushdown.DayStart(window.TotalDays)));
        var rows = await ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        await using (rows.ConfigureAwait(false))
        {
            while (await NextAsync(rows, async, cancellationToken).ConfigureAwait(false))
            {
                recorded.Rows++;
                pushdown.AddDayCount(rows.GetInt32(0), rows.GetString(1), EventRows.NullableString(rows, 2), rows.GetInt64(3));
            }
        }
    }

    private async ValueTask CountActorsAsync(NpgsqlConnection connection, string account, TallyPushdown pushdown, ReportWindow window, bool async, CancellationToken cancellationToken)
    {
        // The exact form groups by cell too, so rows of types the catalog no longer declares can be left out.
        bool exact = pushdown.UndeclaredInAuditDays;
        string sql = exact ? countActorsByCellSql : countActorsSql;
        using var command = new NpgsqlCommand(sql, connection);
        Parameter(command, account);
        Parameter(command, pushdown.DayStart(window.AuditOffset));
        Parameter(command, pushdown.DayStart(window.TotalDays));
        var recorded = pushdown.Record("events per actor over the audit-log days", sql, Positional(account, pushdown.DayStart(window.AuditOffset), pushdown.DayStart(window.TotalDays)));
        var rows = await ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        await using (rows.ConfigureAwait(false))
        {
            while (await NextAsync(rows, async, cancellationToken).ConfigureAwait(false))
            {
                recorded.Rows++;
                if (exact)
                {
                    pushdown.AddActor(rows.GetString(0), rows.GetString(1), EventRows.NullableString(rows, 2), rows.GetInt64(3));
                }
                else
                {
                    pushdown.AddActor(rows.GetString(0), rows.GetInt64(1));
                }
            }
        }
    }

    /// <summary>Each security metric's distinct addresses over the window.</summary>
    private async ValueTask CountAddressesAsync(NpgsqlConnection connection, string account, TallyPushdown pushdown, ReportWindow window, bool async, CancellationToken cancellationToken)
    {
        long from = pushdown.DayStart(window.WindowOffset);
        long to = pushdown.DayStart(window.TotalDays);
        foreach (var metric in pushdown.MetricAddressQueries())
        {
            var matches = new List<string>();
            if (metric.Outcomes.Count > 0)
            {
                matches.Add("outcome = ANY($5)");
            }

            if (metric.WithoutOutcome)
            {
                matches.Add("outcome IS NULL");
            }

            string sql = $"SELECT count(DISTINCT ip) FROM {QuotedSchema}.events WHERE account = $1 AND time >= $2 AND time < $3 AND type = $4 AND ({string.Join(" OR ", matches)})";
            using var command = new NpgsqlCommand(sql, connection);
            Parameter(command, account);
            Parameter(command, from);
            Parameter(command, to);
            Parameter(command, metric.Type);
            string[] outcomes = [.. metric.Outcomes];
            if (outcomes.Length > 0)
            {
                Parameter(command, outcomes);
            }

            var recorded = pushdown.Record(
                $"distinct addresses of the security metric {metric.Id} over the window",
                sql,
                outcomes.Length > 0 ? Positional(account, from, to, metric.Type, outcomes) : Positional(account, from, to, metric.Type));
            var rows = await ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
            await using (rows.ConfigureAwait(false))
            {
                await NextAsync(rows, async, cancellationToken).ConfigureAwait(false);
                pushdown.SetDistinctIps(metric.Metric, rows.GetInt64(0));
                recorded.Rows = 1;
            }
        }
    }

    /// <summary>Every row of the window that may be evidence, for each control's first events and sample.</summary>
    private async ValueTask ReadEvidenceAsync(NpgsqlConnection connection, string account, TallyPushdown pushdown, ReportWindow window, bool async, CancellationToken cancellationToken)
    {
        string[] types = [.. pushdown.EvidenceTypes()];
        if (types.Length == 0)
        {
            return;
        }

        long from = pushdown.DayStart(window.WindowOffset);
        long to = pushdown.DayStart(window.TotalDays);
        using var command = new NpgsqlCommand(evidenceSql, connection);
        Parameter(command, account);
        Parameter(command, from);
        Parameter(command, to);
        Parameter(command, types);
        var recorded = pushdown.Record(
            "the evidence rows of the window: every control's population, for its digest, sample and first events",
            evidenceSql,
            Positional(account, from, to, types));
        var rows = async
            ? await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false)
            : command.ExecuteReader(CommandBehavior.SequentialAccess);
        await using (rows.ConfigureAwait(false))
        {
            while (await NextAsync(rows, async, cancellationToken).ConfigureAwait(false))
            {
                recorded.Rows++;
                pushdown.AddEvidence(EventRows.Read(rows, account));
            }
        }
    }

    /// <summary>Positional parameters as the report's provenance names them: <c>$1</c>, <c>$2</c>, ...</summary>
    private static Dictionary<string, object?> Positional(params object?[] values) =>
        values.Select((v, i) => (Name: "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Value: v))
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private async ValueTask<long> CountRowsAsync(NpgsqlConnection connection, TallyPushdown pushdown, string account, bool async, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(countRowsSql, connection);
        Parameter(command, account);
        var recorded = pushdown.Record("rows of the account, for the counts of meta.ingestion", countRowsSql, Positional(account));
        var rows = await ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        await using (rows.ConfigureAwait(false))
        {
            await NextAsync(rows, async, cancellationToken).ConfigureAwait(false);
            recorded.Rows = 1;
            return rows.GetInt64(0);
        }
    }

    private async ValueTask NameAccountsAsync(NpgsqlConnection connection, TallyPushdown pushdown, bool async, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            $"SELECT account, count(*) FROM {QuotedSchema}.events GROUP BY account ORDER BY 2 DESC, 1 LIMIT {NoEventsForAccountException.NamedAccounts + 1}", connection);
        var rows = await ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        await using (rows.ConfigureAwait(false))
        {
            while (await NextAsync(rows, async, cancellationToken).ConfigureAwait(false))
            {
                pushdown.AddOtherAccount(rows.GetString(0), rows.GetInt64(1));
            }
        }
    }

    private NpgsqlCommand ReadEventsCommand(NpgsqlConnection connection, string account, DateTimeOffset fromUtc, DateTimeOffset toUtcExclusive)
    {
        var command = new NpgsqlCommand(readEventsSql, connection);
        Parameter(command, account);
        Parameter(command, fromUtc.UtcTicks);
        Parameter(command, toUtcExclusive.UtcTicks);
        return command;
    }
}
