using System;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using Xunit;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>A control's sample from the store is its first events by (time, id in UTF-8 byte order), as from a stream.</summary>
public sealed class SampleOrderTests
{
    /// <summary>
    /// Three policy denials at one instant and two around it. As UTF-16 the emoji (D83D) sorts before the fullwidth A
    /// (FF21); as UTF-8 (F0 vs EF) after it: a sample of two is the fullwidth A, then the emoji.
    /// </summary>
    internal static readonly string SameInstant = Text(
        Line("\U0001F600\U0001F600", "2026-03-02T10:00:00Z", "policy.decision", "deny"),
        Line("\U0001F600", "2026-03-02T10:00:00Z", "policy.decision", "deny"),
        Line("\uff21", "2026-03-02T10:00:00Z", "policy.decision", "deny"),
        Line("z", "2026-03-02T10:00:01Z", "policy.decision", "deny"),
        Line("a", "2026-03-01T23:59:59Z", "policy.decision", "deny"));

    /// <summary>The control whose evidence policy denials are.</summary>
    internal static int DenyControl => Array.FindIndex(Vocabulary.Controls, c => c.Id == GeneratedControlFor("policy.decision", "deny"));

    [Fact]
    public void Events_at_one_instant_are_sampled_in_the_utf8_order_of_their_ids()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 2), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "events.jsonl", SameInstant);

        var tally = new EvidenceTally(Vocabulary, window, "acme", sampleSize: 2);
        store.FillTally(tally, new IngestionCounter());

        Assert.Equal(["\uff21", "\U0001F600"], tally.SampleOf(DenyControl).Select(e => e.Id));
    }

    [Fact]
    public void Only_controls_with_evidence_get_a_sample_and_a_sample_of_zero_is_empty()
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        Ingest(store, "events.jsonl", Text(Line("a", "2026-03-02T10:00:00Z", "policy.decision", "deny")));

        var none = new EvidenceTally(Vocabulary, window, "acme", sampleSize: 0);
        store.FillTally(none, new IngestionCounter());

        Assert.All(Enumerable.Range(0, Vocabulary.Controls.Length), control => Assert.Empty(none.SampleOf(control)));
        Assert.Equal(1, none.Classified.InWindow);
    }

    private static string GeneratedControlFor(string type, string outcome) => Vocabulary.Catalog.ControlsFor(type, outcome)[0].Id;
}
