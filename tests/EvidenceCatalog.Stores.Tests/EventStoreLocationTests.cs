using System;
using System.IO;
using System.Threading.Tasks;
using EvidenceCatalog.Tests.Shared;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.Sqlite;
using Xunit;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>A store location is parsed from what a user types, never shows a password, and opens stores of its kind.</summary>
public sealed class EventStoreLocationTests
{
    [Theory]
    [InlineData("events.db", "events.db")]
    [InlineData("sqlite:events.db", "events.db")]
    [InlineData("SQLite:data/events.db", "data/events.db")]
    [InlineData("sqlite:odd:name.db", "odd:name.db")]
    public void A_path_or_sqlite_prefix_is_a_sqlite_file_resolved_against_the_base_directory(string spec, string relative)
    {
        using var location = TestStores.Parse(spec, new EventStoreLocationOptions { BaseDirectory = "/srv/evidence" });

        Assert.Equal(("sqlite", spec), (location.Kind, location.Display));
        Assert.Equal(Path.GetFullPath(relative, "/srv/evidence"), location.FilePath);
    }

    [Theory]
    [InlineData("postgres:Host=db;Username=evidence;Database=evidence", "postgres:Host=db;Username=evidence;Database=evidence")]
    [InlineData("postgres:Host=db;Password=s3cret;Database=evidence", "postgres:Host=db;Database=evidence")]
    [InlineData("postgresql:host=db; pwd = 'a;b' ;Schema=tenant_1", "postgresql:Host=db;Schema=tenant_1")]
    public void A_postgres_location_keeps_its_connection_string_and_hides_the_password(string spec, string display)
    {
        using var location = TestStores.Parse(spec);

        Assert.Equal(("postgres", display, (string?)null), (location.Kind, location.Display, location.FilePath));
    }

    [Theory]
    [InlineData("", "the event store location is empty; give sqlite:PATH")]
    [InlineData("sqlite:", "'sqlite:' names no file; give sqlite:PATH")]
    [InlineData("mysql:Host=db;Password=x", "unknown event store kind 'mysql'; give sqlite:PATH, postgres:CONNECTION-STRING")]
    [InlineData("postgres://evidence:pw@db/evidence", "'postgres://evidence@db/evidence' is a URL; give the connection string in keyword form")]
    [InlineData("postgres:Hots=db;Password=x", "'postgres:…' is not a valid PostgreSQL connection string: ")]
    [InlineData("postgres:Database=evidence", "'postgres:Database=evidence' names no server; add Host=NAME")]
    [InlineData("postgres:Host=db;Schema=", "'postgres:Host=db;Schema=' has an empty Schema")]
    public void A_location_that_cannot_be_used_is_one_clear_exception(string spec, string start)
    {
        var failure = Assert.Throws<EventStoreException>(() => TestStores.Parse(spec));

        Assert.StartsWith(start, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_store_is_initialised_once_and_then_answers_a_ping()
    {
        using var folder = new StoreFolder();
        using var location = TestStores.Parse("sqlite:" + folder.File("new/events.db"));

        Assert.Throws<EventStoreException>(location.Open);
        await Assert.ThrowsAsync<EventStoreException>(() => location.PingAsync());
        Assert.Equal("created schema version 2", location.Initialize().ToString());
        Assert.Equal("schema version 2, already current", location.Initialize().ToString());
        await location.PingAsync();
        using var store = location.Open();
        Assert.IsType<SqliteEventStore>(store);
    }

    [Fact]
    public async Task A_ping_of_an_empty_sqlite_file_says_it_is_not_a_store_yet()
    {
        using var folder = new StoreFolder();
        File.WriteAllBytes(folder.StorePath, []);
        using var location = TestStores.Parse(folder.StorePath);

        var failure = await Assert.ThrowsAsync<EventStoreException>(() => location.PingAsync());

        Assert.Equal($"'{folder.StorePath}' is not an event store yet", failure.Message);
        Assert.Equal(EventStoreProblem.NotInitialized, failure.Problem);
    }

    [Fact]
    public async Task An_unreachable_server_is_one_clear_exception()
    {
        using var location = TestStores.Parse("postgres:Host=127.0.0.1;Port=1;Username=evidence;Password=hidden;Timeout=3");

        var ping = await Assert.ThrowsAsync<EventStoreException>(() => location.PingAsync());
        var open = Assert.Throws<EventStoreException>(location.Open);

        Assert.StartsWith("cannot use event store 'postgres:Host=127.0.0.1;Port=1;Username=evidence;Timeout=3': ", ping.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", ping.Message + open.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ping.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_sqlite_writer_waits_for_the_first_instead_of_failing()
    {
        using var folder = new StoreFolder();
        using var location = TestStores.Parse(folder.StorePath, new EventStoreLocationOptions { BatchSize = 10 });
        location.Initialize();
        using var first = location.Open();
        using var second = location.Open();
        var firstStats = new IngestionCounter();
        using var writer = first.BeginIngestion("first.jsonl", Vocabulary, firstStats);
        new EventStreamReader(Vocabulary).Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Text(Line("a", "2026-03-02T10:00:00Z")))), "first.jsonl", writer, firstStats);

        // The first writer holds the write lock (its batch is open) while the second starts.
        var late = Task.Run(() => Ingest(second, "second.jsonl", Text(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T10:00:00Z"))));
        await Task.Delay(300);
        Assert.False(late.IsCompleted);
        writer.Complete();

        var stats = await late.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((1L, 1L), (stats.Accepted, stats.Duplicates));
    }
}
