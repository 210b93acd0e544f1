using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.PostgreSql;
using EvidenceCatalog.Stores.Sqlite;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>The store providers the tool ships, for tests that parse locations as users write them.</summary>
public static class TestStores
{
    public static readonly EventStoreProviders Providers = new(SqliteStoreProvider.Instance, PostgresStoreProvider.Instance);

    /// <summary>Parses a location as <c>--store</c> does.</summary>
    public static EventStoreLocation Parse(string spec, EventStoreLocationOptions? options = null) => Providers.Parse(spec, options);
}
