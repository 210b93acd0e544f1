using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.JsonPointerTests;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>Unmapped records: counted per native name, bounded, added across inputs, and shown in a report's meta.</summary>
public sealed class UnmappedCountTests
{
    [Fact]
    public void Names_beyond_the_bound_are_counted_together_and_the_counts_still_add_up()
    {
        var source = Probe("service:probe") with { Rules = Array(Rule(null, "api.call", Outcome("allow"), Exists("/never"))), NativeName = "{/n}" };
        string text = string.Concat(Enumerable.Range(0, UnmappedNames.MaxNames + 50).Select(i => WithTime("{\"n\":\"name-" + i + "\"}")));

        var run = MappedRun.Of(source, text);

        Assert.Equal(UnmappedNames.MaxNames + 50, run.Counts.Unmapped);
        Assert.Equal(UnmappedNames.MaxNames, run.Counts.UnmappedByName.Names.Count);
        Assert.Equal(50, run.Counts.UnmappedByName.Other);
    }

    [Fact]
    public void Counts_of_several_inputs_add_up_by_name()
    {
        var first = new IngestionCounts(3, 1, 0, 0, 0, false, 2, new UnmappedNames([new("a", 1), new("b", 1)], 0));
        var second = new IngestionCounts(2, 0, 0, 0, 0, false, 2, new UnmappedNames([new("b", 2)], 0));

        var sum = first + second;

        Assert.Equal(4, sum.Unmapped);
        Assert.Equal([new NativeNameCount("b", 3), new NativeNameCount("a", 1)], sum.UnmappedByName.Names);
        Assert.Equal(first, sum - second with { Read = 2 } + second - second);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_report_over_log_sources_counts_unmapped_records_with_the_top_native_names()
    {
        var cloudTrail = JsonLinesInput.Stream("trail.jsonl", () => new MemoryStream(SourceSamples.Read("aws-cloudtrail.jsonl")));
        var okta = JsonLinesInput.Stream("okta.jsonl", () => new MemoryStream(SourceSamples.Read("okta-system-log.jsonl")));
        var source = new MappedJsonSource([new MappedInput(cloudTrail, CloudTrail), new MappedInput(okta, Okta)]);
        var options = Infrastructure.Events.Options(new(2019, 1, 1), new(2026, 11, 22));

        var result = await new ReportJob(Infrastructure.Events.Catalog, options).RunAsync(source);

        var ingestion = result.Report.Meta.Ingestion!;
        Assert.Equal(ingestion.Read, ingestion.Accepted + ingestion.Duplicates + ingestion.Rejected + ingestion.Unmapped);
        Assert.True(ingestion.Accepted > 0);
        Assert.InRange(ingestion.UnmappedNames!.Count, 1, IngestionSummary.TopUnmappedNames);
        Assert.Equal(ingestion.Unmapped, ingestion.UnmappedNames.Sum(n => n.Count) + ingestion.UnmappedOther);
        Assert.Equal(["aws-cloudtrail", "okta-system-log"], ingestion.Inputs.Select(i => i.LogSource));
        Assert.True(result.Report.Controls.Values.Sum(c => c.EvidenceCount) > 0);

        using var json = JsonDocument.Parse(result.Json);
        var meta = json.RootElement.GetProperty("meta").GetProperty("ingestion");
        Assert.Equal(ingestion.Unmapped, meta.GetProperty("unmapped").GetInt64());
        Assert.Equal(JsonValueKind.Array, meta.GetProperty("unmappedNames").ValueKind);
        Assert.Equal("json-lines", meta.GetProperty("inputs")[0].GetProperty("container").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_report_over_native_events_is_written_as_before()
    {
        string line = Infrastructure.Events.Line("e1", "2026-03-02T10:00:00Z") + "\n";
        var result = await new ReportJob(Infrastructure.Events.Catalog, Infrastructure.Events.Options(new(2026, 3, 1), new(2026, 3, 31)))
            .RunAsync(Infrastructure.Events.Source(line));

        string json = Encoding.UTF8.GetString(result.Json);
        Assert.DoesNotContain("unmapped", json, System.StringComparison.Ordinal);
        Assert.DoesNotContain("logSource", json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_counter_keeps_its_invariant_with_unmapped_records()
    {
        var counter = new IngestionCounter();
        counter.Count(EventVerdictKind.Accepted);
        counter.CountUnmapped("x"u8);
        counter.CountUnmapped("x"u8);

        var counts = counter.Snapshot();

        Assert.Equal(3, counts.Read);
        Assert.Equal(counts.Read, counts.Accepted + counts.Duplicates + counts.Rejected + counts.Unmapped + counts.Pending);
        Assert.Equal([new NativeNameCount("x", 2)], counts.UnmappedByName.Names);
    }
}
