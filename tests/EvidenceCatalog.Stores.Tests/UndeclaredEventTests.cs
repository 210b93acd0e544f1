using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Stores;
using Xunit;
using static EvidenceCatalog.Stores.Tests.StoreFolder;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// Rows stored under an older catalog whose type or outcome the current one no longer declares are rejected at report
/// time, as the reader would reject them: counted, and kept out of counts, actors and samples.
/// </summary>
public sealed class UndeclaredEventTests
{
    [Fact]
    public void Rows_of_undeclared_types_and_outcomes_are_rejected_at_report_time()
    {
        using var folder = new StoreFolder();
        using var store = folder.OpenStore();
        AssertRejectedAtReportTime(store, (id, time, type, outcome, actor) =>
        {
            long ticks = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).UtcTicks;
            string value = outcome is null ? "NULL" : $"'{outcome}'";
            StoreFileTests.Scalar(folder.StorePath, $"INSERT INTO events (account, id, time, type, outcome, actor) VALUES ('acme', '{id}', {ticks}, '{type}', {value}, '{actor}')");
        });
    }

    /// <summary>On an empty store, with <paramref name="addRow"/> writing a row of account acme behind the program's back.</summary>
    internal static void AssertRejectedAtReportTime(IEventStore store, Action<string, string, string, string?, string> addRow)
    {
        var window = new ReportWindow(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31), TimeZoneInfo.Utc);
        string declared = Text(Line("a", "2026-03-20T10:00:00Z", "policy.decision", "deny", actor: "user:ana"), Line("b", "2026-02-10T10:00:00Z"));
        Ingest(store, "events.jsonl", declared);
        addRow("old-1", "2026-03-20T11:00:00Z", "legacy.login", "success", "user:old");
        addRow("old-2", "2026-03-02T11:00:00Z", "policy.decision", "maybe", "user:old");
        addRow("old-3", "2025-06-01T11:00:00Z", "legacy.login", null, "user:old");

        var tally = Fill(store, new EvidenceTally(Vocabulary, window, "acme", 5));
        var streamed = Stream(new EvidenceTally(Vocabulary, window, "acme", 5), declared);

        // The row outside the covered days is not looked at: it is outside the window whatever its type.
        Assert.Equal((5L, 3L, 0L, 2L, 1L, 2L, 0L), tally.Counts);
        PushdownEqualsStreamingTests.AssertSameEvidence(streamed.Tally, tally.Tally);
    }
}
