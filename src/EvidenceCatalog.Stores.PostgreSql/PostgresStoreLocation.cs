using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;
using Npgsql;

namespace EvidenceCatalog.Stores.PostgreSql;

/// <summary>
/// Event stores in PostgreSQL (or Citus): <c>postgres:CONNECTION-STRING</c> in Npgsql's keyword form, plus an optional
/// <c>Schema=NAME</c> (default <c>evidence</c>).
/// </summary>
public sealed partial class PostgresStoreProvider : IEventStoreProvider
{
    public static readonly PostgresStoreProvider Instance = new();

    private const string SchemaKeyword = "Schema";

    public IReadOnlyList<string> Prefixes { get; } = ["postgres", "postgresql"];

    public bool TakesPlainPaths => false;

    public string Usage => "postgres:CONNECTION-STRING (e.g. postgres:Host=127.0.0.1;Username=evidence;Database=evidence)";

    public EventStoreLocation Parse(string spec, string value, EventStoreLocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string shown = Redact(spec);
        if (value.StartsWith("//", StringComparison.Ordinal))
        {
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation,
                shown,
                $"'{shown}' is a URL; give the connection string in keyword form, e.g. postgres:Host=127.0.0.1;Port=5432;Username=evidence;Database=evidence");
        }

        NpgsqlConnectionStringBuilder builder;
        string schema;
        try
        {
            var generic = new DbConnectionStringBuilder { ConnectionString = value };
            schema = generic.TryGetValue(SchemaKeyword, out object? given) ? Convert.ToString(given, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                : EmptySchema().IsMatch(value) ? string.Empty
                : PostgresEventStoreOptions.DefaultSchema;
            generic.Remove(SchemaKeyword);
            builder = new NpgsqlConnectionStringBuilder(generic.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new EventStoreException(EventStoreProblem.InvalidLocation, shown, $"'{shown}' is not a valid PostgreSQL connection string: {exception.Message}", exception);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation, shown, $"'{shown}' names no server; add Host=NAME (e.g. postgres:Host=127.0.0.1;Username=evidence;Database=evidence)");
        }

        if (string.IsNullOrWhiteSpace(schema))
        {
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation, shown, $"'{shown}' has an empty Schema; leave it out for the default ({PostgresEventStoreOptions.DefaultSchema}) or name one");
        }

        var storeOptions = new PostgresEventStoreOptions { Schema = schema, BatchSize = options.BatchSize, Clock = options.Clock };
        return new PostgresStoreLocation(shown, NpgsqlDataSource.Create(builder), storeOptions);
    }

    /// <summary>The spec with the value of every password keyword replaced by <c>***</c>.</summary>
    internal static string Redact(string spec) => Password().Replace(spec, "${key}***");

    // The parser drops a keyword without a value; an empty Schema is a mistake to point out, not a default to take.
    [GeneratedRegex(@"(?:^|;)\s*schema\s*=\s*(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex EmptySchema();

    // Npgsql's keywords for the password (case-insensitive), up to the next ';' or the end; a quoted value to its quote.
    [GeneratedRegex(@"(?<key>(?:^|;|:)\s*(?:password|pwd|psw)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}

/// <summary>
/// One schema of a PostgreSQL database holding an event store. It owns one pooled <see cref="NpgsqlDataSource"/> that
/// every store it opens shares.
/// </summary>
public sealed class PostgresStoreLocation : EventStoreLocation
{
    private readonly NpgsqlDataSource dataSource;
    private readonly PostgresEventStoreOptions options;

    public PostgresStoreLocation(string display, NpgsqlDataSource dataSource, PostgresEventStoreOptions options)
    {
        Display = display ?? throw new ArgumentNullException(nameof(display));
        this.dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public override string Kind => "postgres";

    public override string Display { get; }

    public override IEventStore Open() => PostgresEventStore.OpenCore(dataSource, options, Display, create: false);

    public override IEventStore OpenOrCreate() => PostgresEventStore.OpenCore(dataSource, options, Display, create: true);

    public override SchemaMigration Initialize() =>
        new(PostgresEventStore.Initialize(dataSource, options, Display), PostgresSchema.CurrentVersion);

    public override Task PingAsync(CancellationToken cancellationToken = default) =>
        PostgresEventStore.PingAsync(dataSource, options, Display, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            dataSource.Dispose();
        }
    }

    protected override ValueTask DisposeAsyncCore() => dataSource.DisposeAsync();
}
