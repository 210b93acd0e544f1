using System;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.PostgreSql;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// A test class against the PostgreSQL test server: the class has its own schema (<see cref="PostgresSchemaFixture"/>),
/// emptied before each test, so the tests of one class start from nothing and classes never see each other's rows.
/// </summary>
public abstract class PostgresStoreTestBase(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>, IAsyncLifetime
{
    protected PostgresTestSchema Schema => fixture.Schema;

    public Task InitializeAsync() => PostgresTestDatabase.SkipReason is null ? fixture.Schema.ResetAsync() : Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The store in the class's schema, created when missing; the ingestion log's clock is fixed.</summary>
    protected PostgresEventStore OpenStore(int batchSize = PostgresEventStoreOptions.DefaultBatchSize) =>
        PostgresEventStore.OpenOrCreate(Schema.DataSource, Schema.Options(batchSize, new StoreFolder.FixedTime()));

    /// <summary>A row written behind the program's back, as an older catalog's ingestion would have left it.</summary>
    protected void AddRow(string id, string time, string type, string? outcome, string actor, string account = "acme")
    {
        long ticks = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).UtcTicks;
        string value = outcome is null ? "NULL" : $"'{outcome}'";
        Schema.Scalar($"INSERT INTO {{schema}}.events (account, id, time, type, outcome, actor) VALUES ('{account}', '{id}', {ticks}, '{type}', {value}, '{actor}')");
    }
}
