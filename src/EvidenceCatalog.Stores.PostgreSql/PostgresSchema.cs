using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;
using Npgsql;

namespace EvidenceCatalog.Stores.PostgreSql;

/// <summary>
/// The tables of a PostgreSQL event store, created and migrated by the program inside one schema: the row of
/// <c>schema_version</c> holds the version, and the steps from one version to the next run in one transaction under
/// an advisory lock, so two processes initialising the same schema at once do it once.
/// </summary>
/// <remarks>
/// Plain SQL that also runs on Citus, where <c>events</c> is distributed by <c>account</c>: the key includes the
/// account, nothing references another table and no key comes from a sequence. Text columns that are compared or
/// ordered use the "C" collation (bytes, which for UTF-8 is code point order), the order a report sorts ids in.
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>The schema version this build writes; a newer schema is refused rather than misread.</summary>
    public const int CurrentVersion = 2;

    /// <summary>Each entry takes the schema from version <c>index</c> to <c>index + 1</c>; <c>{0}</c> is the quoted schema.</summary>
    private static readonly string[][] Steps =
    [
        [
            // time is UTC ticks (100 ns), as in SQLite: exact, ordered, and the day bounds of any time zone are plain numbers.
            """
            CREATE TABLE IF NOT EXISTS {0}.events (
                account    text COLLATE "C" NOT NULL,
                id         text COLLATE "C" NOT NULL,
                time       bigint NOT NULL,
                type       text COLLATE "C" NOT NULL,
                outcome    text COLLATE "C",
                actor      text COLLATE "C" NOT NULL,
                resource   text,
                ip         text,
                attributes text,
                PRIMARY KEY (account, id)
            )
            """,

            // Covers the counting queries: counts per day and actors are read from the index alone (index-only scans
            // once VACUUM has set the visibility map), and the sample scan fetches a row only when its cell matches.
            "CREATE INDEX IF NOT EXISTS events_by_time ON {0}.events (account, time, type, outcome, actor)",
            """
            CREATE TABLE IF NOT EXISTS {0}.ingestions (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source      text NOT NULL,
                started_at  timestamptz NOT NULL,
                finished_at timestamptz,
                read        bigint NOT NULL,
                accepted    bigint NOT NULL,
                duplicates  bigint NOT NULL,
                rejected    bigint NOT NULL
            )
            """,
        ],
        [
            // Version 2: a log source's records that no rule maps (read = accepted + duplicates + rejected + unmapped).
            // Ingestions logged before it read no log source, so 0 is what they had.
            "ALTER TABLE {0}.ingestions ADD COLUMN IF NOT EXISTS unmapped bigint NOT NULL DEFAULT 0",
        ],
    ];

    /// <summary>An identifier quoted for SQL text.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The schema's version, or null when it has no event store (no schema, or no <c>schema_version</c> table).
    /// </summary>
    public static async ValueTask<int?> ReadVersionAsync(NpgsqlConnection connection, string schema, bool async, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"SELECT max(version) FROM {Quote(schema)}.schema_version", connection);
        try
        {
            object? version = async ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteScalar();
            return version is null or DBNull ? 0 : Convert.ToInt32(version, CultureInfo.InvariantCulture);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates the schema when <paramref name="create"/> allows it and brings it to <see cref="CurrentVersion"/>;
    /// returns the version it had (0 for none).
    /// </summary>
    /// <exception cref="EventStoreException">The schema is newer, holds other tables, or is missing and may not be created.</exception>
    public static int Migrate(NpgsqlConnection connection, string schema, string displayName, bool create)
    {
        string quoted = Quote(schema);
        using var transaction = connection.BeginTransaction();

        // Serialises concurrent initialisations of the same schema; released at commit or rollback.
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext($1))", "evidence-store-schema:" + schema);
        if (!Convert.ToBoolean(Scalar(connection, transaction, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", schema), CultureInfo.InvariantCulture))
        {
            if (!create)
            {
                throw NotInitialised(displayName, schema);
            }

            Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {quoted}");
        }

        if (!Convert.ToBoolean(Scalar(connection, transaction, "SELECT to_regclass($1) IS NOT NULL", $"{quoted}.schema_version"), CultureInfo.InvariantCulture))
        {
            long tables = Convert.ToInt64(
                Scalar(connection, transaction, "SELECT count(*) FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')", schema),
                CultureInfo.InvariantCulture);
            if (tables > 0)
            {
                throw new EventStoreException(
                    EventStoreProblem.NotAnEventStore,
                    displayName,
                    $"schema '{schema}' of '{displayName}' has tables but is not an event store (no schema_version table); give another schema with ';Schema=NAME' in the store location");
            }

            if (!create)
            {
                throw NotInitialised(displayName, schema);
            }

            Execute(connection, transaction, $"CREATE TABLE {quoted}.schema_version (version integer NOT NULL)");
            Execute(connection, transaction, $"INSERT INTO {quoted}.schema_version (version) VALUES (0)");
        }

        object? found = Scalar(connection, transaction, $"SELECT max(version) FROM {quoted}.schema_version");
        int version = found is null or DBNull ? 0 : Convert.ToInt32(found, CultureInfo.InvariantCulture);
        int before = version;
        ThrowIfNewer(version, displayName, schema);
        for (; version < CurrentVersion; version++)
        {
            foreach (string statement in Steps[version])
            {
                Execute(connection, transaction, string.Format(CultureInfo.InvariantCulture, statement, quoted));
            }
        }

        if (before != version)
        {
            Execute(connection, transaction, $"DELETE FROM {quoted}.schema_version");
            Execute(connection, transaction, $"INSERT INTO {quoted}.schema_version (version) VALUES ($1)", version);
        }

        transaction.Commit();
        return before;
    }

    /// <summary>Refuses a schema written by a newer build.</summary>
    public static void ThrowIfNewer(int version, string displayName, string schema)
    {
        if (version > CurrentVersion)
        {
            throw new EventStoreException(
                EventStoreProblem.TooNew,
                displayName,
                $"event store '{displayName}' (schema '{schema}') has schema version {version}, newer than this build's {CurrentVersion}; upgrade EvidenceCatalog to read it");
        }
    }

    /// <summary>The schema has no event store yet.</summary>
    public static EventStoreException NotInitialised(string displayName, string schema) =>
        new(EventStoreProblem.NotInitialized, displayName, $"'{displayName}' has no event store in schema '{schema}' yet");

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (object parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
