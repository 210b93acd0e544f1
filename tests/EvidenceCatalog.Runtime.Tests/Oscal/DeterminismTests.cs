using System;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using TestEvents = EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Oscal;

/// <summary>The same input gives the same bytes: UUIDs are version 5 of the fingerprint and ids, dates come from the input.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Two_runs_on_the_same_events_give_byte_identical_documents_even_at_different_times()
    {
        string events = string.Join("\n", TestEvents.EvidenceForEveryControl(OscalRun.From, 90)) + "\n";
        var first = Run(events, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var second = Run(events, new DateTimeOffset(2026, 11, 23, 17, 31, 5, TimeSpan.Zero));
        Assert.Equal(first.Select(d => d.FileName), second.Select(d => d.FileName));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public void Every_uuid_is_a_version_5_uuid_and_none_repeats_within_a_document()
    {
        foreach (var document in OscalRun.ForReport(OscalRun.Report()))
        {
            string text = System.Text.Encoding.UTF8.GetString(document.Content);
            var uuids = Regex.Matches(text, "\"(?:uuid|subject-uuid|observation-uuid)\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
            Assert.NotEmpty(uuids);
            Assert.All(uuids, u => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", u));
            var defined = Regex.Matches(text, "\"uuid\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(defined.Length, defined.Distinct().Count());
        }
    }

    [Fact]
    public void Another_window_gives_other_result_uuids()
    {
        var q1 = OscalRun.Parse(OscalRun.ForReport(OscalRun.Report()), "assessment-results.json")["assessment-results"]!;
        var shorter = TestEvents.Report(TestEvents.Options(OscalRun.From, new(2026, 3, 30)), TestEvents.EvidenceForEveryControl(OscalRun.From, 89));
        var other = OscalRun.Parse(OscalRun.ForReport(shorter), "assessment-results.json")["assessment-results"]!;
        Assert.NotEqual(q1["uuid"]!.GetValue<string>(), other["uuid"]!.GetValue<string>());
        Assert.NotEqual(q1["results"]![0]!["uuid"]!.GetValue<string>(), other["results"]![0]!["uuid"]!.GetValue<string>());
    }

    private static System.Collections.Generic.IReadOnlyList<OscalDocument> Run(string events, DateTimeOffset now)
    {
        var options = TestEvents.Options(OscalRun.From, OscalRun.To) with { Clock = new FakeClock(now) };
        var report = new ReportJob(TestEvents.Catalog, options).RunAsync(TestEvents.Source(events)).GetAwaiter().GetResult().Report;
        return OscalExport.ForReport(TestEvents.Catalog, report);
    }
}
