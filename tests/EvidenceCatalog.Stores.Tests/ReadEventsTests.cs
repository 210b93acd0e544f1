using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events;
using Xunit;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>The full evidence population is read back in (time, id in UTF-8 byte order) within [from, to), one account.</summary>
public sealed class ReadEventsTests
{
    internal static readonly DateTimeOffset From = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset To = new(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);

    internal static readonly AuditEvent Full = new("full", new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567), "dlp.transmission", "denied", "service:dlp", "acme")
    {
        Resource = "doc:42",
        Ip = "203.0.113.7",
        Attributes = "{\"bytes\": 1024, \"to\": [\"x\", \"y\"]}",
    };

    /// <summary>Events around one day, three at one instant whose ids sort differently as UTF-16 and as UTF-8.</summary>
    internal static readonly string OrderedLines = Text(
        Line("late", "2026-03-02T23:59:59.9999999Z"),
        Line("\U0001F600", "2026-03-02T09:00:00Z"),
        Line("\uff21", "2026-03-02T09:00:00Z"),
        Line("B", "2026-03-02T09:00:00Z"),
        Line("at-start", "2026-03-02T00:00:00Z"),
        Line("at-end", "2026-03-03T00:00:00Z"),
        Line("before", "2026-03-01T23:59:59Z"),
        Line("other", "2026-03-02T09:00:00Z", account: "globex"));

    /// <summary>The ids of <see cref="OrderedLines"/> read back for acme from <see cref="From"/> to <see cref="To"/>.</summary>
    internal static readonly string[] OrderedIds = ["at-start", "B", "\uff21", "\U0001F600", "late"];

    [Fact]
    public void Events_come_in_time_then_utf8_id_order_within_the_window()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "events.jsonl", OrderedLines);

        var ids = store.ReadEvents("acme", From, To).Select(e => e.Id);

        Assert.Equal(OrderedIds, ids);
    }

    [Fact]
    public void Every_field_comes_back_as_it_was_read()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        var bare = new AuditEvent("bare", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "access.granted", null, "user:bo@acme.example", "acme");
        Ingest(store, "events.jsonl", Lines([Full, bare]));

        Assert.Equal([Full, bare], store.ReadEvents("acme", From, To));
    }

    [Fact]
    public async Task The_async_form_reads_the_same_events()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "events.jsonl", Lines(Enumerable.Range(0, 50).Select(i => Full with { Id = $"e{i}", Time = From.AddMinutes(i * 37) })));

        var streamed = new List<AuditEvent>();
        await foreach (var auditEvent in store.ReadEventsAsync("acme", From, To))
        {
            streamed.Add(auditEvent);
        }

        Assert.Equal(store.ReadEvents("acme", From, To), streamed);
        Assert.Equal(39, streamed.Count);
    }
}
