using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// The sources shipped in <c>catalogs/sources/</c>, run through the command a user types: every shared sample file,
/// as it is, gives a report for the sample organisation with <c>--source ID --org northwind-cloud</c>, and the
/// samples of all sources together give evidence for the access and monitoring criteria the logs speak to.
/// </summary>
public sealed class ShippedSourceCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly (string File, string Source)[] Samples =
    [
        (CloudTrail, "aws-cloudtrail"),
        (Okta, "okta-system-log"),
        (GitHub, "github-audit-log"),
        ("google-workspace-activity.jsonl", "google-workspace"),
        (EntraSignIns, "entra-id-signin"),
        ("gcp-k8s-audit.jsonl", "gke-cloud-audit"),
        ("kubernetes-audit.jsonl", "kubernetes-audit"),
    ];

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, source) in Samples)
        {
            data.Add(file, source);
        }

        return data;
    }

    private static CliResult Report(CatalogWorkspace workspace, params string[] args) =>
        Evidence.Run(workspace.Path, Clock, ["report", "--org", "northwind-cloud", "--from", "2019-01-01", "--to", "2026-11-22", "--catalogs", RepositoryRoot.Catalogs, "--output", "report.json", .. args]);

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_sample_file_reports_through_its_shipped_source_with_counts_that_add_up(string file, string source)
    {
        using var workspace = CatalogWorkspace.Empty();

        var result = Report(workspace, "--events", Sample(file), "--source", source);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var ingestion = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json"))).RootElement.GetProperty("meta").GetProperty("ingestion");
        Assert.Equal(Records(file).Length, ingestion.GetProperty("read").GetInt64());
        Assert.Equal(
            ingestion.GetProperty("read").GetInt64(),
            new[] { "accepted", "duplicates", "rejected", "unmapped" }.Sum(c => ingestion.GetProperty(c).GetInt64()));
        // The Kubernetes sample's records are trimmed of both their timestamps: each is rejected for it ("no time"),
        // never dropped; the other samples all give events.
        if (source == "kubernetes-audit")
        {
            Assert.Contains("no time: none of /requestReceivedTimestamp, /stageTimestamp is present", File.ReadAllText(workspace.Combine("report.json.quarantine.jsonl")), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(ingestion.GetProperty("accepted").GetInt64() > 0, file + ": no record of the sample mapped to an event");
        }
        Assert.Equal(source, ingestion.GetProperty("inputs")[0].GetProperty("logSource").GetString());
    }

    [Fact]
    public void All_samples_together_give_evidence_for_the_access_and_monitoring_criteria()
    {
        using var workspace = CatalogWorkspace.Empty();
        string[] args = ["--events", .. Samples.Select(s => Sample(s.File)), .. Samples.SelectMany(s => new[] { "--source", s.Source })];

        var result = Report(workspace, args);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var controls = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json"))).RootElement.GetProperty("controls");
        foreach (string criterion in new[] { "CC6.1", "CC6.2", "CC6.3", "CC6.6", "CC6.7", "CC7.2", "CC7.3" })
        {
            var claiming = controls.EnumerateObject()
                .Where(c => c.Value.GetProperty("criteria").EnumerateArray().Any(x => x.GetString() == criterion))
                .ToArray();
            Assert.True(
                claiming.Any(c => c.Value.GetProperty("evidenceCount").GetInt64() > 0),
                criterion + " has no evidence; its controls: " + string.Join(", ", claiming.Select(c => c.Name)));
        }
    }
}
