using System;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Stores.PostgreSql;
using Npgsql;
using Xunit;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests use: its connection string comes from <c>EVIDENCE_TEST_POSTGRES</c> (e.g.
/// <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres</c>, as <c>.ci/postgres.sh</c> starts it). Without
/// it the PostgreSQL tests are skipped on a developer's machine; with <c>CI=true</c> they run and fail instead.
/// </summary>
/// <remarks>Self-contained (Npgsql and xunit only), so other test projects can link this file and use the same helpers.</remarks>
public static class PostgresTestDatabase
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string Variable = "EVIDENCE_TEST_POSTGRES";

    /// <summary>The connection string, or null when none is given.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>True in CI, where a PostgreSQL test must run: a missing server fails it.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null && !Required
        ? $"{Variable} is not set: start a server with '.ci/postgres.sh start' and 'eval \"$(.ci/postgres.sh env)\"' to run the PostgreSQL tests"
        : null;

    /// <summary>
    /// A new empty schema with a random name on the test server, dropped with everything in it when the result is disposed.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server is configured (in CI, where the tests must run).</exception>
    public static async Task<PostgresTestSchema> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        string connectionString = ConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set, and with CI=true the PostgreSQL tests must run: start a server with .ci/postgres.sh");
        var schema = new PostgresTestSchema(connectionString, "evidence_test_" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await schema.ExecuteAsync($"CREATE SCHEMA {schema.QuotedName}", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await schema.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return schema;
    }
}

/// <summary>One test's schema on the test server, with a data source for it; dropped on dispose.</summary>
public sealed class PostgresTestSchema : IAsyncDisposable, IDisposable
{
    internal PostgresTestSchema(string connectionString, string name)
    {
        ConnectionString = connectionString;
        Name = name;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The server's connection string (without the schema).</summary>
    public string ConnectionString { get; }

    /// <summary>The schema's name (unquoted; letters, digits and underscores).</summary>
    public string Name { get; }

    public string QuotedName => "\"" + Name + "\"";

    /// <summary>A pooled data source on the server (dispose the schema, not this).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The store location of this schema, as a user gives it to <c>--store</c>.</summary>
    public string StoreSpec => $"postgres:{ConnectionString};Schema={Name}";

    /// <summary>Options for a <see cref="PostgresEventStore"/> in this schema.</summary>
    public PostgresEventStoreOptions Options(int batchSize = PostgresEventStoreOptions.DefaultBatchSize, TimeProvider? clock = null) =>
        new() { Schema = Name, BatchSize = batchSize, Clock = clock ?? TimeProvider.System };

    /// <summary>Runs SQL in which <c>{schema}</c> stands for the quoted schema name.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        var command = DataSource.CreateCommand(sql.Replace("{schema}", QuotedName, StringComparison.Ordinal));
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row; <c>{schema}</c> stands for the quoted schema name.</summary>
    public object? Scalar(string sql)
    {
        using var command = DataSource.CreateCommand(sql.Replace("{schema}", QuotedName, StringComparison.Ordinal));
        return command.ExecuteScalar();
    }

    /// <summary>Drops everything in the schema and makes it empty again.</summary>
    public Task ResetAsync() => ExecuteAsync($"DROP SCHEMA IF EXISTS {QuotedName} CASCADE; CREATE SCHEMA {QuotedName}");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS {QuotedName} CASCADE").ConfigureAwait(false);
        }
        finally
        {
            await DataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// A class fixture: one fresh schema for a test class, dropped after its last test. Without a server (and not in CI)
/// it holds nothing, and the class's <see cref="PostgresFactAttribute"/> tests are skipped.
/// </summary>
public sealed class PostgresSchemaFixture : IAsyncLifetime
{
    private PostgresTestSchema? schema;

    /// <summary>The class's schema.</summary>
    public PostgresTestSchema Schema => schema ?? throw new InvalidOperationException(PostgresTestDatabase.SkipReason ?? "the fixture is not initialised");

    public async Task InitializeAsync()
    {
        if (PostgresTestDatabase.SkipReason is null)
        {
            schema = await PostgresTestDatabase.CreateSchemaAsync().ConfigureAwait(false);
        }
    }

    public async Task DisposeAsync()
    {
        if (schema is not null)
        {
            await schema.DisposeAsync().ConfigureAwait(false);
        }
    }
}
