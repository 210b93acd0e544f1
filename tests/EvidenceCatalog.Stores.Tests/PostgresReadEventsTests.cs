using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Stores.Tests.ReadEventsTests;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>Events come back from PostgreSQL as from SQLite: (time, id in UTF-8 byte order), within [from, to), every field intact.</summary>
public sealed class PostgresReadEventsTests(PostgresSchemaFixture fixture) : PostgresStoreTestBase(fixture)
{
    [PostgresFact]
    public void Events_come_in_time_then_utf8_id_order_within_the_window()
    {
        using var store = OpenStore();
        Ingest(store, "events.jsonl", OrderedLines);

        Assert.Equal(OrderedIds, store.ReadEvents("acme", From, To).Select(e => e.Id));
    }

    [PostgresFact]
    public async Task Every_field_comes_back_as_it_was_read_in_both_forms()
    {
        using var store = OpenStore();
        var bare = new AuditEvent("bare", From.AddHours(9), "access.granted", null, "user:bo@acme.example", "acme");
        var many = Enumerable.Range(0, 50).Select(i => Full with { Id = $"e{i}", Time = From.AddMinutes(i * 37) });
        Ingest(store, "events.jsonl", Lines([Full, bare, .. many]));

        var streamed = new List<AuditEvent>();
        await foreach (var auditEvent in store.ReadEventsAsync("acme", From, To))
        {
            streamed.Add(auditEvent);
        }

        var read = store.ReadEvents("acme", From, To).ToList();
        Assert.Equal(41, read.Count);
        Assert.Equal(read, streamed);
        Assert.Equal(Full, read.Single(e => e.Id == "full"));
        Assert.Equal(bare, read.Single(e => e.Id == "bare"));
    }
}
