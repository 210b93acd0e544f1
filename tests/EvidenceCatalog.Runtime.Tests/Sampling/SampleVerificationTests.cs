using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sampling;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using static EvidenceCatalog.Runtime.Tests.Sampling.SampleReproducibilityTests;

namespace EvidenceCatalog.Runtime.Tests.Sampling;

/// <summary>
/// A report's samples drawn again from the population: the events the report was built from give every control's
/// sample back; a population that was tampered with (an event changed, dropped or added) is a mismatch that names the
/// control and says what differs; a report of other catalogs or without samples is refused.
/// </summary>
public sealed class SampleVerificationTests
{
    private static readonly CalendarDate From = new(2026, 1, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);

    [Fact]
    public void The_events_the_report_was_built_from_give_every_sample_back()
    {
        var lines = Population().ToList();
        byte[] report = SignedReport(lines);

        var result = Verify(report, lines);

        Assert.True(result.Matches);
        Assert.Equal(Catalog.Model.Controls.Select(c => c.Id).Order(StringComparer.Ordinal), result.Controls.Select(c => c.Control));
        Assert.All(result.Controls, c => Assert.Null(c.Difference));
    }

    [Fact]
    public void A_changed_event_is_a_mismatch_of_its_control_only_naming_the_digest()
    {
        var lines = Population().ToList();
        byte[] report = SignedReport(lines);
        int index = lines.FindIndex(l => l.Contains("\"id\":\"e-40-2\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"outcome\":\"allow\"", "\"outcome\":\"deny\"", StringComparison.Ordinal);

        var result = Verify(report, lines);

        Assert.False(result.Matches);
        var mismatch = Assert.Single(result.Controls, c => !c.Matches);
        Assert.Equal("IAM-01", mismatch.Control);
        Assert.Contains("digest", mismatch.Difference, StringComparison.Ordinal);
        Assert.Contains("same size, other events", mismatch.Difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dropped_event_is_a_mismatch_that_gives_both_population_sizes()
    {
        var lines = Population().ToList();
        byte[] report = SignedReport(lines);

        var result = Verify(report, lines.Where(l => !l.Contains("\"id\":\"e-70-1\"", StringComparison.Ordinal)));

        var mismatch = Assert.Single(result.Controls, c => !c.Matches);
        Assert.Equal("IAM-01", mismatch.Control);
        Assert.Equal("the population has 449 events; the report says 450", mismatch.Difference);
    }

    [Fact]
    public void A_report_whose_sample_was_edited_is_a_mismatch_naming_the_events()
    {
        var lines = Population().ToList();
        var node = JsonNode.Parse(SignedReport(lines))!;
        var events = node["samples"]!["controls"]!["IAM-01"]!["events"]!.AsArray();
        string replaced = events[0]!["id"]!.GetValue<string>();
        events[0]!["id"] = "e-hand-picked";

        var mismatch = Assert.Single(Verify(Encoding.UTF8.GetBytes(node.ToJsonString()), lines).Controls, c => !c.Matches);

        Assert.Equal("IAM-01", mismatch.Control);
        Assert.Equal($"the sample differs: drawn now but not in the report: {replaced}; in the report but not drawn now: e-hand-picked", mismatch.Difference);
    }

    [Fact]
    public void A_report_of_other_catalogs_or_without_samples_is_refused_with_the_reason()
    {
        var lines = Population().ToList();
        var node = JsonNode.Parse(SignedReport(lines))!;
        node["meta"]!["catalogFingerprint"] = new string('0', 64);
        var otherCatalogs = Assert.Throws<SampleVerificationException>(() => Verify(Encoding.UTF8.GetBytes(node.ToJsonString()), lines));
        Assert.Contains("fingerprint 0000", otherCatalogs.Message, StringComparison.Ordinal);

        var old = JsonNode.Parse(SignedReport(lines))!.AsObject();
        old.Remove("samples");
        old["meta"]!["reportVersion"] = "1.0.0";
        var noSamples = Assert.Throws<SampleVerificationException>(() => Verify(Encoding.UTF8.GetBytes(old.ToJsonString()), lines));
        Assert.Equal("the report has no samples (reportVersion 1.0.0): samples came with report format 1.1.0", noSamples.Message);

        Assert.Throws<SampleVerificationException>(() => Verify("[1,2"u8.ToArray(), lines));
    }

    private static byte[] SignedReport(IEnumerable<string> lines) =>
        new ReportJob(Catalog, Options(From, To)).RunAsync(Source(string.Join('\n', lines))).GetAwaiter().GetResult().Json;

    private static SampleVerification Verify(byte[] report, IEnumerable<string> lines) =>
        SampleVerifier.VerifyAsync(Catalog, report, Source(string.Join('\n', lines))).GetAwaiter().GetResult();
}
