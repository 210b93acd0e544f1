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
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        string prefix = spec[..(spec.Length - value.Length)];
        if (value.StartsWith("//", StringComparison.Ordinal))
        {
            string url = PostgresStoreDisplay.OfUrl(prefix, value);
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation,
                url,
                $"'{url}' is a URL; give the connection string in keyword form, e.g. postgres:Host=127.0.0.1;Port=5432;Username=evidence;Database=evidence");
        }

        NpgsqlConnectionStringBuilder builder;
        string? schema;
        try
        {
            var generic = new DbConnectionStringBuilder { ConnectionString = value };
            schema = generic.TryGetValue(SchemaKeyword, out object? given) ? Convert.ToString(given, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                : EmptySchema().IsMatch(value) ? string.Empty
                : null;
            generic.Remove(SchemaKeyword);
            builder = new NpgsqlConnectionStringBuilder(generic.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            // Unparsed, the text may hold a password anywhere: only the prefix is shown.
            string unparsed = prefix + "…";
            throw new EventStoreException(EventStoreProblem.InvalidLocation, unparsed, $"'{unparsed}' is not a valid PostgreSQL connection string: {exception.Message}", exception);
        }

        string shown = PostgresStoreDisplay.Of(prefix, builder, schema);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation, shown, $"'{shown}' names no server; add Host=NAME (e.g. postgres:Host=127.0.0.1;Username=evidence;Database=evidence)");
        }

        if (schema is not null && string.IsNullOrWhiteSpace(schema))
        {
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation, shown, $"'{shown}' has an empty Schema; leave it out for the default ({PostgresEventStoreOptions.DefaultSchema}) or name one");
        }

        var storeOptions = new PostgresEventStoreOptions { Schema = schema ?? PostgresEventStoreOptions.DefaultSchema, BatchSize = options.BatchSize, Clock = options.Clock };
        return new PostgresStoreLocation(shown, NpgsqlDataSource.Create(builder), storeOptions);
    }

    // The parser drops a keyword without a value; an empty Schema is a mistake to point out, not a default to take.
    [GeneratedRegex(@"(?:^|;)\s*schema\s*=\s*(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex EmptySchema();
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
