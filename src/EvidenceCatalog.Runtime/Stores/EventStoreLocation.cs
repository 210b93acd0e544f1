using System;
using System.Data.Common;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// Where an event store lives, as a user writes it: <c>sqlite:PATH</c>, <c>postgres:CONNECTION-STRING</c> (Npgsql
/// keyword form, plus an optional <c>Schema=NAME</c>, default <c>evidence</c>), or a bare path, which means SQLite.
/// A location opens as many stores as asked, each used for one operation at a time; the location itself is
/// long-lived and thread-safe. For PostgreSQL it owns one pooled <see cref="NpgsqlDataSource"/> that every store it
/// opens shares, so dispose the location when done with it (after its stores).
/// </summary>
public sealed partial class EventStoreLocation : IDisposable, IAsyncDisposable
{
    /// <summary>The <see cref="Kind"/> of an embedded SQLite file.</summary>
    public const string SqliteKind = "sqlite";

    /// <summary>The <see cref="Kind"/> of a PostgreSQL (or Citus) database.</summary>
    public const string PostgresKind = "postgres";

    private const string SchemaKeyword = "Schema";
    private const string Usage = "give sqlite:PATH, postgres:CONNECTION-STRING (e.g. postgres:Host=127.0.0.1;Username=evidence;Database=evidence) or a file path";

    private readonly string? path;
    private readonly NpgsqlDataSource? dataSource;
    private readonly SqliteEventStoreOptions? sqliteOptions;
    private readonly PostgresEventStoreOptions? postgresOptions;

    private EventStoreLocation(string display, string path, SqliteEventStoreOptions options)
    {
        Kind = SqliteKind;
        Display = display;
        this.path = path;
        sqliteOptions = options;
    }

    private EventStoreLocation(string display, NpgsqlDataSource dataSource, PostgresEventStoreOptions options)
    {
        Kind = PostgresKind;
        Display = display;
        this.dataSource = dataSource;
        postgresOptions = options;
    }

    /// <summary><see cref="SqliteKind"/> or <see cref="PostgresKind"/>.</summary>
    public string Kind { get; }

    /// <summary>The location as given, with any password replaced by <c>***</c>: safe for messages, logs and reports.</summary>
    public string Display { get; }

    /// <summary>The SQLite file (absolute), or null for a database server.</summary>
    public string? FilePath => path;

    /// <summary>Parses a location.</summary>
    /// <param name="spec"><c>sqlite:PATH</c>, <c>postgres:CONNECTION-STRING</c>, or a path (SQLite).</param>
    /// <param name="options">Batch size, clock, and the directory relative SQLite paths are resolved against.</param>
    /// <exception cref="EventStoreException">The spec is empty, of an unknown kind, or not a valid connection string.</exception>
    public static EventStoreLocation Parse(string spec, EventStoreLocationOptions? options = null)
    {
        options ??= new EventStoreLocationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new EventStoreException("the event store location is empty; " + Usage);
        }

        if (TryStrip(spec, "postgres:", out string connectionString) || TryStrip(spec, "postgresql:", out connectionString))
        {
            return ParsePostgres(spec, connectionString, options);
        }

        if (TryStrip(spec, "sqlite:", out string file))
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                throw new EventStoreException($"'{spec}' names no file; " + Usage);
            }

            return Sqlite(spec, file, options);
        }

        if (Scheme().Match(spec) is { Success: true } scheme)
        {
            throw new EventStoreException($"unknown event store kind '{scheme.Groups[1].Value}' in '{Redact(spec)}'; {Usage} (a file whose name has a colon: sqlite:NAME)");
        }

        return Sqlite(spec, spec, options);
    }

    /// <summary>Opens an existing store, migrating an older schema.</summary>
    /// <exception cref="EventStoreException">
    /// The store is missing (SQLite: no file; PostgreSQL: no event store in the schema, so run <c>evidence store init</c>),
    /// unreachable, not an event store, or newer than this build.
    /// </exception>
    public IEventStore Open() => dataSource is not null
        ? PostgresEventStore.OpenCore(dataSource, postgresOptions, Display, create: false)
        : SqliteEventStore.Open(path!, sqliteOptions);

    /// <summary>Opens the store, creating it (SQLite: the file and its folder; PostgreSQL: the schema and tables) when missing.</summary>
    /// <exception cref="EventStoreException">The store is unreachable, not an event store, or newer than this build.</exception>
    public IEventStore OpenOrCreate()
    {
        if (dataSource is not null)
        {
            return PostgresEventStore.OpenCore(dataSource, postgresOptions, Display, create: true);
        }

        CreateFolder();
        return SqliteEventStore.OpenOrCreate(path!, sqliteOptions);
    }

    /// <summary>Creates the store or migrates it to this build's schema; says what it did in a few words.</summary>
    /// <returns>E.g. "created schema version 1", "migrated schema version 1 to 2", "schema version 1, already current".</returns>
    /// <exception cref="EventStoreException">The store is unreachable, not an event store, or newer than this build.</exception>
    public string Initialize()
    {
        int before;
        int current;
        if (dataSource is not null)
        {
            before = PostgresEventStore.Initialize(dataSource, postgresOptions!, Display);
            current = PostgresSchema.CurrentVersion;
        }
        else
        {
            CreateFolder();
            using var store = SqliteEventStore.OpenOrCreate(path!, sqliteOptions);
            before = store.VersionBefore;
            current = SqliteSchema.CurrentVersion;
        }

        return before == 0 ? $"created schema version {current}"
            : before < current ? $"migrated schema version {before} to {current}"
            : $"schema version {current}, already current";
    }

    /// <summary>Checks that the store can be used now: reachable, initialised, and not newer than this build. Writes nothing.</summary>
    /// <exception cref="EventStoreException">It cannot; the message says why.</exception>
    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        if (dataSource is not null)
        {
            return PostgresEventStore.PingAsync(dataSource, postgresOptions!, Display, cancellationToken);
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            SqliteEventStore.Ping(path!);
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    public override string ToString() => Display;

    public void Dispose() => dataSource?.Dispose();

    public ValueTask DisposeAsync() => dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static bool TryStrip(string spec, string prefix, out string rest)
    {
        bool match = spec.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        rest = match ? spec[prefix.Length..] : string.Empty;
        return match;
    }

    private static EventStoreLocation Sqlite(string spec, string file, EventStoreLocationOptions options)
    {
        string full = Path.GetFullPath(file, options.BaseDirectory ?? Environment.CurrentDirectory);
        return new EventStoreLocation(spec, full, new SqliteEventStoreOptions { BatchSize = options.BatchSize, Clock = options.Clock });
    }

    private static EventStoreLocation ParsePostgres(string spec, string connectionString, EventStoreLocationOptions options)
    {
        if (connectionString.StartsWith("//", StringComparison.Ordinal))
        {
            throw new EventStoreException(
                $"'{Redact(spec)}' is a URL; give the connection string in keyword form, e.g. postgres:Host=127.0.0.1;Port=5432;Username=evidence;Database=evidence");
        }

        NpgsqlConnectionStringBuilder builder;
        string schema;
        try
        {
            var generic = new DbConnectionStringBuilder { ConnectionString = connectionString };
            schema = generic.TryGetValue(SchemaKeyword, out object? given) ? Convert.ToString(given, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                : EmptySchema().IsMatch(connectionString) ? string.Empty
                : PostgresEventStoreOptions.DefaultSchema;
            generic.Remove(SchemaKeyword);
            builder = new NpgsqlConnectionStringBuilder(generic.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            throw new EventStoreException($"'{Redact(spec)}' is not a valid PostgreSQL connection string: {exception.Message}", exception);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new EventStoreException($"'{Redact(spec)}' names no server; add Host=NAME (e.g. postgres:Host=127.0.0.1;Username=evidence;Database=evidence)");
        }

        if (string.IsNullOrWhiteSpace(schema))
        {
            throw new EventStoreException($"'{Redact(spec)}' has an empty Schema; leave it out for the default ({PostgresEventStoreOptions.DefaultSchema}) or name one");
        }

        var storeOptions = new PostgresEventStoreOptions { Schema = schema, BatchSize = options.BatchSize, Clock = options.Clock };
        return new EventStoreLocation(Redact(spec), NpgsqlDataSource.Create(builder), storeOptions);
    }

    /// <summary>The spec with the value of every password keyword replaced by <c>***</c>.</summary>
    private static string Redact(string spec) => Password().Replace(spec, "${key}***");

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex Scheme();

    // The parser drops a keyword without a value; an empty Schema is a mistake to point out, not a default to take.
    [GeneratedRegex(@"(?:^|;)\s*schema\s*=\s*(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex EmptySchema();

    // Npgsql's keywords for the password (case-insensitive), up to the next ';' or the end; a quoted value to its quote.
    [GeneratedRegex(@"(?<key>(?:^|;|:)\s*(?:password|pwd|psw)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Password();

    private void CreateFolder()
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>How the stores of an <see cref="EventStoreLocation"/> are opened and written.</summary>
public sealed record EventStoreLocationOptions
{
    /// <summary>Events appended per ingestion transaction, for either kind of store.</summary>
    public int BatchSize { get; init; } = SqliteEventStoreOptions.DefaultBatchSize;

    /// <summary>Source of the ingestion log's timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The directory a relative SQLite path is resolved against (default: the process's current directory).</summary>
    public string? BaseDirectory { get; init; }
}
