using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Stores.Sqlite;

/// <summary>Event stores in SQLite files: <c>sqlite:PATH</c>, or a plain path.</summary>
public sealed class SqliteStoreProvider : IEventStoreProvider
{
    public static readonly SqliteStoreProvider Instance = new();

    public IReadOnlyList<string> Prefixes { get; } = ["sqlite"];

    public bool TakesPlainPaths => true;

    public string Usage => "sqlite:PATH";

    public EventStoreLocation Parse(string spec, string value, EventStoreLocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new EventStoreException(EventStoreProblem.InvalidLocation, spec, $"'{spec}' names no file; give sqlite:PATH");
        }

        string full = Path.GetFullPath(value, options.BaseDirectory ?? Environment.CurrentDirectory);
        return new SqliteStoreLocation(spec, full, new SqliteEventStoreOptions { BatchSize = options.BatchSize, Clock = options.Clock });
    }
}

/// <summary>One SQLite file holding an event store.</summary>
public sealed class SqliteStoreLocation : EventStoreLocation
{
    private readonly string path;
    private readonly SqliteEventStoreOptions options;

    public SqliteStoreLocation(string display, string path, SqliteEventStoreOptions options)
    {
        Display = display ?? throw new ArgumentNullException(nameof(display));
        this.path = path ?? throw new ArgumentNullException(nameof(path));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public override string Kind => "sqlite";

    public override string Display { get; }

    /// <summary>The file, absolute.</summary>
    public override string FilePath => path;

    public override IEventStore Open() => SqliteEventStore.Open(path, options);

    public override IEventStore OpenOrCreate()
    {
        CreateFolder();
        return SqliteEventStore.OpenOrCreate(path, options);
    }

    public override SchemaMigration Initialize()
    {
        CreateFolder();
        using var store = SqliteEventStore.OpenOrCreate(path, options);
        return new SchemaMigration(store.VersionBefore, SqliteSchema.CurrentVersion);
    }

    public override Task PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            SqliteEventStore.Ping(path);
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    private void CreateFolder()
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
