using System;
using System.IO;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>The store is a file the program creates and migrates; anything else is refused with one clear exception.</summary>
public sealed class StoreFileTests
{
    [Fact]
    public void A_new_store_gets_the_current_schema_in_wal_mode()
    {
        using var folder = new StoreFolder();
        folder.OpenStore().Dispose();

        Assert.Equal(2L, Scalar(folder.StorePath, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar(folder.StorePath, "PRAGMA journal_mode"));
        Assert.Equal(2L, Scalar(folder.StorePath, "SELECT count(*) FROM sqlite_schema WHERE name IN ('events', 'ingestions')"));
    }

    [Fact]
    public void A_new_store_has_pages_of_16_KiB_and_an_existing_store_keeps_its_own()
    {
        using var created = new StoreFolder();
        using var older = new StoreFolder();
        created.OpenStore().Dispose();

        // A store made before new stores had 16 KiB pages: SQLite's default.
        older.OpenStore().Dispose();
        Scalar(older.StorePath, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM");
        Assert.Equal(4096L, Scalar(older.StorePath, "PRAGMA page_size"));
        older.OpenStore().Dispose();

        Assert.Equal(16384L, Scalar(created.StorePath, "PRAGMA page_size"));
        Assert.Equal(4096L, Scalar(older.StorePath, "PRAGMA page_size"));
        Assert.Equal(2L, Scalar(older.StorePath, "PRAGMA user_version"));
    }

    [Fact]
    public void An_empty_file_becomes_a_store()
    {
        using var folder = new StoreFolder();
        File.WriteAllBytes(folder.StorePath, []);

        folder.OpenStore().Dispose();

        Assert.Equal(2L, Scalar(folder.StorePath, "PRAGMA user_version"));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused()
    {
        using var folder = new StoreFolder();
        File.WriteAllText(folder.StorePath, StoreFolder.Text(StoreFolder.Line("a", "2026-03-02T10:00:00Z")) + new string(' ', 4096));

        var failure = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(folder.StorePath));

        Assert.Equal($"'{folder.StorePath}' is not a SQLite database", failure.Message);
        Assert.Equal(EventStoreProblem.NotAnEventStore, failure.Problem);
    }

    [Fact]
    public void A_store_from_a_newer_version_is_refused()
    {
        using var folder = new StoreFolder();
        folder.OpenStore().Dispose();
        Scalar(folder.StorePath, "PRAGMA user_version = 7");

        var failure = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(folder.StorePath));

        Assert.Equal($"event store '{folder.StorePath}' has schema version 7, newer than this build's 2; upgrade EvidenceCatalog to read it", failure.Message);
        Assert.Equal(EventStoreProblem.TooNew, failure.Problem);
    }

    [Fact]
    public void Another_sqlite_database_is_not_taken_for_a_store()
    {
        using var folder = new StoreFolder();
        Scalar(folder.StorePath, "CREATE TABLE invoices (id INTEGER)");

        var failure = Assert.Throws<EventStoreException>(() => SqliteEventStore.OpenOrCreate(folder.StorePath));

        Assert.Contains("is a SQLite database but not an event store", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(folder.StorePath, "PRAGMA user_version"));
    }

    [Fact]
    public void Opening_a_missing_store_says_it_is_missing()
    {
        using var folder = new StoreFolder();

        var failure = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(folder.StorePath));

        Assert.Equal($"event store '{folder.StorePath}' does not exist", failure.Message);
        Assert.Equal(EventStoreProblem.Missing, failure.Problem);
        Assert.False(File.Exists(folder.StorePath));
    }

    [Fact]
    public void A_store_in_a_missing_folder_cannot_be_created()
    {
        using var folder = new StoreFolder();

        var failure = Assert.Throws<EventStoreException>(() => SqliteEventStore.OpenOrCreate(folder.File("no/such/events.db")));

        Assert.StartsWith("cannot open event store", failure.Message, StringComparison.Ordinal);
    }

    internal static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
