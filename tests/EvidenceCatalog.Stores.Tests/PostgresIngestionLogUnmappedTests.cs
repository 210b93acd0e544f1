using System.Linq;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Stores.Tests.IngestionLogUnmappedTests;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// The PostgreSQL ingestion log keeps a log source's unmapped records (schema version 2), and a schema of version 1 is
/// upgraded in place — by <c>evidence store init</c>, or by the first ingestion — its rows kept.
/// </summary>
public sealed class PostgresIngestionLogUnmappedTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    /// <summary>The tables of a PostgreSQL store as version 1 of the schema made them, before the unmapped column.</summary>
    private const string Version1 = """
        CREATE TABLE {schema}.events (account text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, time bigint NOT NULL,
            type text COLLATE "C" NOT NULL, outcome text COLLATE "C", actor text COLLATE "C" NOT NULL, resource text, ip text,
            attributes text, PRIMARY KEY (account, id));
        CREATE INDEX events_by_time ON {schema}.events (account, time, type, outcome, actor);
        CREATE TABLE {schema}.ingestions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, source text NOT NULL,
            started_at timestamptz NOT NULL, finished_at timestamptz, read bigint NOT NULL, accepted bigint NOT NULL,
            duplicates bigint NOT NULL, rejected bigint NOT NULL);
        CREATE TABLE {schema}.schema_version (version integer NOT NULL);
        INSERT INTO {schema}.schema_version (version) VALUES (1);
        INSERT INTO {schema}.events VALUES ('northwind-cloud', 'old-1', 638765280000000000, 'auth.login', 'success', 'user:a', NULL, NULL, NULL);
        INSERT INTO {schema}.ingestions (source, started_at, finished_at, read, accepted, duplicates, rejected)
            VALUES ('old.jsonl', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', 3, 1, 1, 1);
        """;

    [PostgresFact]
    public void A_log_source_ingestion_records_its_unmapped_records_and_the_counts_add_up()
    {
        IngestionCounts counts;
        using (var store = OpenStore(batchSize: 7))
        {
            counts = IngestCloudTrail(store);
        }

        Assert.Equal([Row("aws-cloudtrail.jsonl", counts)], Log());
    }

    [PostgresFact]
    public void Init_upgrades_a_version_1_schema_in_place_and_keeps_its_events_and_log()
    {
        Schema.Scalar(Version1);
        using var location = TestStores.Parse(Schema.StoreSpec);

        Assert.Equal("migrated schema version 1 to 2", location.Initialize().ToString());
        Assert.Equal("schema version 2, already current", location.Initialize().ToString());
        Assert.Equal(2, Schema.Scalar("SELECT version FROM {schema}.schema_version"));

        IngestionCounts counts;
        using (var store = OpenStore())
        {
            counts = IngestCloudTrail(store);
            Assert.Contains("old-1", IdempotentIngestionTests.StoredEvents(store, "northwind-cloud").Select(e => e.Id));
        }

        Assert.Equal(["old.jsonl 3 1 1 1 0", Row("aws-cloudtrail.jsonl", counts)], Log());
    }

    [PostgresFact]
    public void Opening_a_version_1_schema_to_ingest_upgrades_it_too()
    {
        Schema.Scalar(Version1);

        using (var store = OpenStore())
        {
            IngestCloudTrail(store);
        }

        Assert.Equal(2, Schema.Scalar("SELECT version FROM {schema}.schema_version"));
        Assert.Equal(0L, Schema.Scalar("SELECT unmapped FROM {schema}.ingestions WHERE source = 'old.jsonl'"));
    }

    private string[] Log()
    {
        using var command = Schema.DataSource.CreateCommand($"SELECT source, read, accepted, duplicates, rejected, unmapped FROM {Schema.QuotedName}.ingestions ORDER BY id");
        using var rows = command.ExecuteReader();
        return Rows(rows);
    }
}
