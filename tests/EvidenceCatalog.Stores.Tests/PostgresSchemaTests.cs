using System;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.PostgreSql;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// The PostgreSQL store's schema is created and migrated by the program (<c>evidence store init</c>): idempotent, safe
/// when run twice at once, and anything it cannot use is refused with one clear exception.
/// </summary>
public sealed class PostgresSchemaTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    [PostgresFact]
    public void Init_creates_the_tables_once_and_again_changes_nothing()
    {
        using var location = TestStores.Parse(Schema.StoreSpec);

        Assert.Equal("created schema version 2", location.Initialize().ToString());
        Assert.Equal("schema version 2, already current", location.Initialize().ToString());

        Assert.Equal(2, Schema.Scalar("SELECT version FROM {schema}.schema_version"));
        Assert.Equal(1L, Schema.Scalar("SELECT count(*) FROM {schema}.schema_version"));
        Assert.Equal(
            "events,ingestions,schema_version",
            Schema.Scalar($"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = '{Schema.Name}'"));
        Assert.Equal(
            "CREATE INDEX events_by_time ON " + Schema.Name + ".events USING btree (account, \"time\", type, outcome, actor)",
            Schema.Scalar($"SELECT indexdef FROM pg_indexes WHERE schemaname = '{Schema.Name}' AND indexname = 'events_by_time'"));

        // Ids, accounts, types, outcomes and actors compare as bytes, whatever the database's collation.
        Assert.Equal(
            "account,actor,id,outcome,type",
            Schema.Scalar($"SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = '{Schema.Name}' AND table_name = 'events' AND collation_name = 'C'"));
    }

    [PostgresFact]
    public async Task Two_initialisations_at_once_create_the_schema_once()
    {
        using var location = TestStores.Parse(Schema.StoreSpec);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => location.Initialize().ToString())));

        Assert.Single(results, r => r == "created schema version 2");
        Assert.Equal(3, results.Count(r => r == "schema version 2, already current"));
    }

    [PostgresFact]
    public async Task A_store_from_a_newer_version_is_refused()
    {
        using var location = TestStores.Parse(Schema.StoreSpec);
        location.Initialize();
        Schema.Scalar("UPDATE {schema}.schema_version SET version = 7");

        var open = Assert.Throws<EventStoreException>(location.Open);
        var init = Assert.Throws<EventStoreException>(() => location.Initialize());
        var ping = await Assert.ThrowsAsync<EventStoreException>(() => location.PingAsync());

        Assert.Equal(
            $"event store '{location.Display}' (schema '{Schema.Name}') has schema version 7, newer than this build's 2; upgrade EvidenceCatalog to read it",
            open.Message);
        Assert.Equal(EventStoreProblem.TooNew, open.Problem);
        Assert.Equal(open.Message, init.Message);
        Assert.Equal(open.Message, ping.Message);
    }

    [PostgresFact]
    public async Task Opening_a_schema_without_a_store_says_to_run_store_init()
    {
        using var location = TestStores.Parse(Schema.StoreSpec);
        using var missing = TestStores.Parse(Schema.StoreSpec + "_missing");

        var open = Assert.Throws<EventStoreException>(location.Open);
        var ping = await Assert.ThrowsAsync<EventStoreException>(() => location.PingAsync());
        var missingSchema = Assert.Throws<EventStoreException>(missing.Open);

        Assert.Equal(
            $"'{location.Display}' has no event store in schema '{Schema.Name}' yet",
            open.Message);
        Assert.Equal(EventStoreProblem.NotInitialized, open.Problem);
        Assert.Equal(open.Message, ping.Message);
        Assert.Equal(EventStoreProblem.NotInitialized, missingSchema.Problem);
        Assert.Equal(0L, Schema.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname IN ('{Schema.Name}', '{Schema.Name}_missing')"));
    }

    [PostgresFact]
    public async Task An_initialised_store_answers_a_ping()
    {
        using var location = TestStores.Parse(Schema.StoreSpec);
        location.Initialize();

        await location.PingAsync();
        using var store = location.Open();

        Assert.Equal("postgres", location.Kind);
        Assert.IsType<PostgresEventStore>(store);
    }

    [PostgresFact]
    public void A_schema_holding_other_tables_is_not_taken_for_a_store()
    {
        Schema.Scalar("CREATE TABLE {schema}.invoices (id integer)");

        var failure = Assert.Throws<EventStoreException>(() => PostgresEventStore.OpenOrCreate(Schema.DataSource, Schema.Options()));

        Assert.Contains($"schema '{Schema.Name}' of 'postgres:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("has tables but is not an event store", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Schema.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{Schema.Name}'"));
    }
}
