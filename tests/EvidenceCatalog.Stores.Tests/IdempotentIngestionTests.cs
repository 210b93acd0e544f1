using System;
using System.Linq;
using EvidenceCatalog.Runtime.Events;
using Xunit;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>Events are keyed by (account, id): ingesting what is already stored adds nothing, and the counts still add up.</summary>
public sealed class IdempotentIngestionTests
{
    private static readonly string ThreeEvents = Text(
        Line("a", "2026-03-02T10:00:00Z"),
        Line("b", "2026-03-02T11:00:00Z", "auth.login", "failure"),
        Line("c", "2026-03-03T09:00:00Z", "access.granted", null));

    [Fact]
    public void Ingesting_the_same_file_twice_adds_nothing_the_second_time()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();

        var first = Ingest(store, "events.jsonl", ThreeEvents);
        var second = Ingest(store, "events.jsonl", ThreeEvents);

        AssertCounts(first, read: 3, accepted: 3, duplicates: 0);
        AssertCounts(second, read: 3, accepted: 0, duplicates: 3);
        Assert.Equal(3, StoredEvents(store).Length);
    }

    [Fact]
    public void An_event_stored_from_an_earlier_file_is_a_duplicate_in_a_later_one()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "monday.jsonl", Text(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T11:00:00Z")));

        var tuesday = Ingest(store, "tuesday.jsonl", Text(Line("b", "2026-03-03T08:00:00Z"), Line("c", "2026-03-03T09:00:00Z")));

        AssertCounts(tuesday, read: 2, accepted: 1, duplicates: 1);
        Assert.Equal(["a", "b", "c"], StoredEvents(store).Select(e => e.Id));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), StoredEvents(store)[1].Time);
    }

    [Fact]
    public void The_same_id_in_another_account_is_another_event()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "acme.jsonl", Text(Line("a", "2026-03-02T10:00:00Z")));

        var other = Ingest(store, "globex.jsonl", Text(Line("a", "2026-03-02T10:00:00Z", account: "globex")));

        AssertCounts(other, read: 1, accepted: 1, duplicates: 0);
        Assert.Single(store.ReadEvents("globex", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void A_duplicate_within_a_file_and_one_already_stored_are_both_counted_once()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "first.jsonl", Text(Line("a", "2026-03-02T10:00:00Z")));

        var stats = Ingest(store, "second.jsonl", Text(Line("a", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T10:00:00Z"), Line("b", "2026-03-02T10:00:00Z"), "not json"));

        AssertCounts(stats, read: 4, accepted: 1, duplicates: 2);
        Assert.Equal(1, stats.Rejected);
    }

    internal static void AssertCounts(IngestionCounts stats, long read, long accepted, long duplicates)
    {
        Assert.Equal((read, accepted, duplicates), (stats.Read, stats.Accepted, stats.Duplicates));
        Assert.Equal(stats.Read, stats.Accepted + stats.Duplicates + stats.Rejected);
    }

    internal static AuditEvent[] StoredEvents(Runtime.Stores.IEventStore store, string account = "acme") =>
        store.ReadEvents(account, DateTimeOffset.MinValue, DateTimeOffset.MaxValue).ToArray();
}
