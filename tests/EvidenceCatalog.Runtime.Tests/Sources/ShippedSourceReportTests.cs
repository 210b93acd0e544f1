using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// A report built by the library's <see cref="ReportJob"/> from the shared samples of several sources, through the
/// shipped sources and the sample catalogs: the access and monitoring criteria the logs speak to all have evidence.
/// </summary>
public sealed class ShippedSourceReportTests
{
    private static readonly (string File, string Source)[] Mix =
    [
        ("aws-cloudtrail.jsonl", "aws-cloudtrail"),
        ("okta-system-log.jsonl", "okta-system-log"),
        ("github-audit-log.jsonl", "github-audit-log"),
        ("google-workspace-activity.jsonl", "google-workspace"),
        ("azure-signin.jsonl", "entra-id-signin"),
        ("gcp-k8s-audit.jsonl", "gke-cloud-audit"),
    ];

    [Theory]
    [InlineData("CC6.1")]
    [InlineData("CC6.2")]
    [InlineData("CC6.3")]
    [InlineData("CC6.6")]
    [InlineData("CC6.7")]
    [InlineData("CC7.2")]
    [InlineData("CC7.3")]
    public async Task A_report_from_real_logs_has_evidence_for_the_criterion(string criterion)
    {
        var result = await Report();

        var claiming = result.Report.Controls.Where(c => c.Value.Criteria.Contains(criterion)).ToArray();
        Assert.NotEmpty(claiming);
        Assert.True(
            claiming.Any(c => c.Value.EvidenceCount > 0),
            criterion + " has no evidence; its controls: " + string.Join(", ", claiming.Select(c => c.Key + "=" + c.Value.EvidenceCount)));
    }

    [Fact]
    public async Task The_report_counts_every_record_of_every_input()
    {
        var result = await Report();

        var ingestion = result.Report.Meta.Ingestion!;
        Assert.Equal(Mix.Select(m => m.Source), ingestion.Inputs.Select(i => i.LogSource));
        Assert.Equal(ingestion.Read, ingestion.Accepted + ingestion.Duplicates + ingestion.Rejected + ingestion.Unmapped);
        long lines = Mix.Sum(m => (long)System.Text.Encoding.UTF8.GetString(SourceSamples.Read(m.File)).Split('\n').Count(l => l.Trim().Length > 0));
        Assert.Equal(lines, ingestion.Read);
        Assert.Equal(0, ingestion.OutsideWindow);
    }

    /// <summary>
    /// The samples' times span years (2020 to 2025): the window is taken from the data, the first to the last day of
    /// any mapped event, so that none falls outside it.
    /// </summary>
    private static Task<ReportResult> Report()
    {
        var times = Mix.SelectMany(m => MappedRun.Of(ShippedSources.Get(m.Source), SourceSamples.Read(m.File)).Events.Select(e => e.Time)).ToArray();
        var from = new Model.CalendarDate(times.Min().UtcDateTime.Year, times.Min().UtcDateTime.Month, times.Min().UtcDateTime.Day);
        var to = new Model.CalendarDate(times.Max().UtcDateTime.Year, times.Max().UtcDateTime.Month, times.Max().UtcDateTime.Day);
        var inputs = Mix.Select(m => new MappedInput(JsonLinesInput.Stream(m.File, () => new MemoryStream(SourceSamples.Read(m.File))), ShippedSources.Get(m.Source))).ToArray();
        return new ReportJob(Infrastructure.Events.Catalog, Infrastructure.Events.Options(from, to)).RunAsync(new MappedJsonSource(inputs));
    }
}
