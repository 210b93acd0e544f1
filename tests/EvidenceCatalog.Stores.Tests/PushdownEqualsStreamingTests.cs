using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Stores;
using Xunit;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// A report from the store equals one streamed from the same account's events: the same count for every cell and day,
/// the same actors, the same samples and the same statistics — in a time zone with daylight-saving changes inside the
/// window. Other accounts' rows in the store are invisible to it: neither read nor counted.
/// </summary>
public sealed class PushdownEqualsStreamingTests
{
    private const string Zone = "America/New_York";

    public static TheoryData<string, string, int> Windows => new()
    {
        // Both 2026 changes (8 March: a 23-hour day; 1 November: a 25-hour day) inside a long window.
        { "2026-03-01", "2026-11-05", 25 },

        // Ten days across 8 March: the 20 audit-log days before the window are counted but are not evidence.
        { "2026-03-04", "2026-03-13", 3 },

        // A sample of one: ties in time are broken by the id's UTF-8 bytes.
        { "2026-10-20", "2026-11-10", 1 },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void The_store_fills_the_tally_exactly_as_the_stream_does(string from, string to, int sampleSize)
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore(batchSize: 500);
        AssertFillsAsStream(store, from, to, sampleSize);
    }

    [Fact]
    public async Task The_async_form_fills_the_same_tally()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        await AssertAsyncFillsAsSync(store);
    }

    [Fact]
    public void Duplicates_and_rejections_stay_with_the_ingestion()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        AssertDuplicatesAndRejectionsStayWithTheIngestion(store);
    }

    [Fact]
    public void Other_accounts_are_named_only_when_asked_and_never_counted()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        AssertOtherAccountsAreNamedOnlyWhenAsked(store);
    }

    /// <summary>Ingests a population across the window into an empty store; its tally equals the stream of its account's events.</summary>
    internal static void AssertFillsAsStream(IEventStore store, string from, string to, int sampleSize)
    {
        var window = new ReportWindow(CalendarDate.Parse(from), CalendarDate.Parse(to), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var population = Population(window, seed: 20260308).ToList();
        Assert.Contains(population, e => e.Account != "acme");
        var streamed = Stream(new EvidenceTally(Vocabulary, window, "acme", sampleSize), System.Text.Encoding.UTF8.GetString(Lines(population.Where(e => e.Account == "acme"))));

        Ingest(store, "events.jsonl", Lines(population));
        var pushed = Fill(store, new EvidenceTally(Vocabulary, window, "acme", sampleSize));

        AssertSameTally(streamed, pushed);
    }

    /// <summary>FillTallyAsync fills what FillTally fills, on an empty store.</summary>
    internal static async Task AssertAsyncFillsAsSync(IEventStore store)
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 6, 30), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        Ingest(store, "events.jsonl", Lines(Population(window, seed: 7)));

        var sync = Fill(store, new EvidenceTally(Vocabulary, window, "acme", 5));
        var async = new EvidenceTally(Vocabulary, window, "acme", 5);
        var asyncCounter = new IngestionCounter();
        await store.FillTallyAsync(async, asyncCounter);

        AssertSameTally(sync, new FilledTally(async, asyncCounter.Snapshot()));
    }

    /// <summary>On an empty store: a report counts what is stored of its account; duplicates and rejected lines were the ingestion's.</summary>
    internal static void AssertDuplicatesAndRejectionsStayWithTheIngestion(IEventStore store)
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        string text = Text(Line("a", "2026-03-02T10:00:00Z"), Line("a", "2026-03-02T10:00:00Z"), "{broken", Line("b", "2026-04-02T10:00:00Z"), Line("c", "2026-03-05T10:00:00Z", account: "globex"));
        var ingestion = Ingest(store, "events.jsonl", text);

        var tally = Fill(store, new EvidenceTally(Vocabulary, window, "acme", 5));

        Assert.Equal((5, 3, 1, 1), (ingestion.Read, ingestion.Accepted, ingestion.Duplicates, ingestion.Rejected));
        Assert.Equal((2L, 2L, 0L, 0L, 1L, 1L, 0L), tally.Counts);
        Assert.Empty(tally.Tally.Classified.OtherAccountVolumes);
    }

    /// <summary>On an empty store: other accounts are named only when the tally asks and its account has no rows, and never counted.</summary>
    internal static void AssertOtherAccountsAreNamedOnlyWhenAsked(IEventStore store)
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        Ingest(store, "events.jsonl", Text(Line("a", "2026-03-02T10:00:00Z", account: "globex"), Line("b", "2026-03-03T10:00:00Z", account: "globex"), Line("c", "2026-03-03T10:00:00Z", account: "initech")));

        var silent = Fill(store, new EvidenceTally(Vocabulary, window, "acme", 5));
        var asked = Fill(store, new EvidenceTally(Vocabulary, window, "acme", 5) { NamesOtherAccounts = true });
        var present = Fill(store, new EvidenceTally(Vocabulary, window, "globex", 5) { NamesOtherAccounts = true });

        Assert.Equal((0L, 0L, 0L, 0L, 0L, 0L, 0L), silent.Counts);
        Assert.Empty(silent.Tally.Classified.OtherAccountVolumes);
        Assert.Equal((0L, 0L, 0L, 0L, 0L, 0L, 0L), asked.Counts);
        Assert.Equal([new("globex", 2L), new("initech", 1L)], asked.Tally.Classified.OtherAccountVolumes.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal((2L, 2L, 0L, 0L, 2L, 0L, 0L), present.Counts);
        Assert.Empty(present.Tally.Classified.OtherAccountVolumes);
    }

    internal static void AssertSameTally(FilledTally expected, FilledTally actual)
    {
        AssertSameEvidence(expected.Tally, actual.Tally);
        Assert.Equal(expected.Counts, actual.Counts);
    }

    /// <summary>The same counts for every cell and day, the same actors, the same first events and the same samples, byte for byte.</summary>
    internal static void AssertSameEvidence(EvidenceTally expected, EvidenceTally actual)
    {
        var vocabulary = expected.Vocabulary;
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            for (int day = 0; day < expected.Window.TotalDays; day++)
            {
                Assert.True(
                    expected.Count(cell, day) == actual.Count(cell, day),
                    $"{vocabulary.Types[vocabulary.TypeOf(cell)]}/{vocabulary.OutcomeOf(cell) ?? "-"} on {expected.Window.DateOf(day)}: {expected.Count(cell, day)} streamed, {actual.Count(cell, day)} from the store");
            }
        }

        Assert.Equal(expected.Actors.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Actors.OrderBy(a => a.Key, StringComparer.Ordinal));
        for (int control = 0; control < vocabulary.Controls.Length; control++)
        {
            Assert.Equal(expected.SampleOf(control), actual.SampleOf(control));
        }

        for (int metric = 0; metric < vocabulary.Metrics.Length; metric++)
        {
            Assert.Equal(expected.DistinctIps(metric), actual.DistinctIps(metric));
        }

        var samples = expected.DrawSamples();
        Assert.NotNull(samples);
        Assert.Contains(samples.Controls.Values, s => s.Events.Count > 0);
        Assert.Equal(
            System.Text.Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(samples, ReportJson.Options)),
            System.Text.Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(actual.DrawSamples(), ReportJson.Options)));
    }

    /// <summary>
    /// Random events of every type (some without an outcome) over the covered days and beyond, for two accounts, plus
    /// the cases that break a naive aggregation: an event on each side of every local midnight, at the window's edges,
    /// and several at one instant whose ids sort differently as UTF-16 and as UTF-8 bytes.
    /// </summary>
    internal static IEnumerable<AuditEvent> Population(ReportWindow window, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary;
        string[] actors = [.. Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? $"service:svc-{i}" : $"user:u{i}@acme.example")];
        long first = window.DayStartUtc(0).UtcTicks - TimeSpan.TicksPerDay * 3;
        long last = window.DayStartUtc(window.TotalDays).UtcTicks + TimeSpan.TicksPerDay * 3;
        int n = 0;

        AuditEvent Make(long ticks, string? id = null, string account = "acme", string? fixedType = null)
        {
            int type = fixedType is null ? random.Next(vocabulary.Types.Length) : vocabulary.FindType(fixedType);
            string[] outcomes = vocabulary.Outcomes[type];
            string? outcome = outcomes.Length == 0 || random.Next(8) == 0 ? null : outcomes[random.Next(outcomes.Length)];
            return new AuditEvent(id ?? $"evt-{n++}", new DateTimeOffset(ticks, TimeSpan.Zero), vocabulary.Types[type], outcome, actors[random.Next(actors.Length)], account)
            {
                Resource = random.Next(3) == 0 ? null : $"doc:{random.Next(1000)}",
                Ip = random.Next(2) == 0 ? null : $"10.0.{random.Next(256)}.{random.Next(256)}",
                Attributes = random.Next(2) == 0 ? null : $"{{\"region\": \"eu-west-{random.Next(3)}\", \"n\": {random.Next(100)}}}",
            };
        }

        for (int i = 0; i < window.TotalDays * 40; i++)
        {
            yield return Make(first + (long)(random.NextDouble() * (last - first)), account: random.Next(6) == 0 ? "globex" : "acme");
        }

        for (int day = 0; day <= window.TotalDays; day++)
        {
            long midnight = window.DayStartUtc(day).UtcTicks;
            yield return Make(midnight - 1);
            yield return Make(midnight);
        }

        // U+1F600 sorts before U+FF21 as UTF-16 and after it as UTF-8.
        long tie = window.DayStartUtc(window.WindowOffset).UtcTicks + 1;
        foreach (string id in new[] { "b", "a10", "a9", "B", "\u00e9", "\uff21", "\U0001F600", "z" })
        {
            for (int repeat = 0; repeat < 3; repeat++)
            {
                yield return Make(tie, id + "-" + repeat, fixedType: "policy.decision");
            }
        }
    }
}
