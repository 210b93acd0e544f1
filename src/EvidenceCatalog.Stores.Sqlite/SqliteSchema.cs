using System;
using System.Globalization;
using EvidenceCatalog.Runtime.Stores;
using Microsoft.Data.Sqlite;

namespace EvidenceCatalog.Stores.Sqlite;

/// <summary>
/// The tables of a SQLite event store, created and migrated by the program: <c>PRAGMA user_version</c> holds the
/// schema version, and the steps up to the current version run in one write transaction.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this build writes; a newer file is refused rather than misread.</summary>
    public const int CurrentVersion = 2;

    /// <summary>
    /// The page size of a new store, in bytes: a quarter of the B-tree pages to split and write than SQLite's 4 KiB default
    /// for the same events (bench/README.md, "Store pages of 16 KiB": ingesting 1 M CloudTrail records, 105 k of them
    /// mapped, took 0.15 s and 0.2 CPU-seconds less; reports read the store as fast).
    /// </summary>
    public const int PageSize = 16384;

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
        [
            // Version 2: a log source's records that no rule maps (read = accepted + duplicates + rejected + unmapped).
            // Ingestions logged before it read no log source, so 0 is what they had.
            "ALTER TABLE ingestions ADD COLUMN unmapped INTEGER NOT NULL DEFAULT 0",
        ],
    ];

    /// <summary>Brings the file to <see cref="CurrentVersion"/>, or explains why it cannot be used; returns the version it had.</summary>
    public static int Migrate(SqliteConnection connection, string displayName)
    {
        int version = Version(connection, null);
        ThrowIfNewer(version, displayName);
        if (version == 0 && Convert.ToInt64(Scalar(connection, null, "SELECT count(*) FROM sqlite_schema"), CultureInfo.InvariantCulture) > 0)
        {
            throw new EventStoreException(
                EventStoreProblem.NotAnEventStore,
                displayName,
                $"'{displayName}' is a SQLite database but not an event store (it has tables and no event store schema version); give a new file or an existing event store");
        }

        int before = version;
        if (version == 0)
        {
            // Only a file without tables takes a page size; a store keeps the one it was made with.
            Execute(connection, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {PageSize}"));
        }

        if (version < CurrentVersion)
        {
            // BEGIN IMMEDIATE: one writer at a time. Another process may have migrated the file while this one waited.
            using var transaction = connection.BeginTransaction();
            version = before = Version(connection, transaction);
            ThrowIfNewer(version, displayName);
            for (; version < CurrentVersion; version++)
            {
                foreach (string statement in Steps[version])
                {
                    Execute(connection, transaction, statement);
                }
            }

            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version}"));
            transaction.Commit();
        }

        return before;
    }

    /// <summary>The file's schema version (0 for a new or foreign file).</summary>
    public static int Version(SqliteConnection connection, SqliteTransaction? transaction) =>
        Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    /// <summary>Refuses a file written by a newer build.</summary>
    public static void ThrowIfNewer(int version, string displayName)
    {
        if (version > CurrentVersion)
        {
            throw new EventStoreException(
                EventStoreProblem.TooNew,
                displayName,
                $"event store '{displayName}' has schema version {version}, newer than this build's {CurrentVersion}; upgrade EvidenceCatalog to read it");
        }
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
