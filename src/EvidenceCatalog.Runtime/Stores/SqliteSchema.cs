using System;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// The tables of a SQLite event store, created and migrated by the program: <c>PRAGMA user_version</c> holds the
/// schema version, and each step from one version to the next runs in one transaction.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this build writes; a newer file is refused rather than misread.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Each entry takes the schema from version <c>index</c> to <c>index + 1</c>.</summary>
    private static readonly string[][] Steps =
    [
        [
            // time is UTC ticks (100 ns): exact, ordered, and a plain bigint in PostgreSQL.
            """
            CREATE TABLE events (
                account    TEXT    NOT NULL,
                id         TEXT    NOT NULL,
                time       INTEGER NOT NULL,
                type       TEXT    NOT NULL,
                outcome    TEXT,
                actor      TEXT    NOT NULL,
                resource   TEXT,
                ip         TEXT,
                attributes TEXT,
                PRIMARY KEY (account, id)
            )
            """,

            // Covers every report query: counts per day and actors are read from the index alone, and the sample scan
            // looks a row up only when its cell still needs samples.
            "CREATE INDEX events_by_time ON events (account, time, type, outcome, actor)",
            """
            CREATE TABLE ingestions (
                id          INTEGER PRIMARY KEY,
                source      TEXT    NOT NULL,
                started_at  TEXT    NOT NULL,
                finished_at TEXT,
                read        INTEGER NOT NULL,
                accepted    INTEGER NOT NULL,
                duplicates  INTEGER NOT NULL,
                rejected    INTEGER NOT NULL
            )
            """,
        ],
    ];

    /// <summary>Brings the file to <see cref="CurrentVersion"/>, or explains why it cannot be used.</summary>
    public static void Migrate(SqliteConnection connection, string displayName)
    {
        int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new EventStoreException(
                $"event store '{displayName}' has schema version {version}, newer than this tool's {CurrentVersion}; upgrade the evidence tool to read it");
        }

        if (version == 0 && Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_schema"), CultureInfo.InvariantCulture) > 0)
        {
            throw new EventStoreException(
                $"'{displayName}' is a SQLite database but not an event store (it has tables and no event store schema version); give a new file or one written by 'evidence ingest'");
        }

        for (; version < CurrentVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            foreach (string statement in Steps[version])
            {
                Execute(connection, transaction, statement);
            }

            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version + 1}"));
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
