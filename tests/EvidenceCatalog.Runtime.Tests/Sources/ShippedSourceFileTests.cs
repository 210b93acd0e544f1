using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// Every shared sample file through its shipped source: every record ends mapped (accepted or a duplicate), unmapped
/// (counted under its native name) or rejected with a reason; nothing is dropped and the counts add up.
/// </summary>
public sealed class ShippedSourceFileTests(ITestOutputHelper output)
{
    /// <summary>
    /// Each file, its source, and the share of the source's own records (those not rejected as another source's) that
    /// must map or be counted under a native name. The samples are detection-rule fixtures: many are trimmed of their
    /// time, which the floors below allow for (NOTICE.md of the samples).
    /// </summary>
    public static TheoryData<string, string, double> Files => new()
    {
        { "aws-cloudtrail.jsonl", "aws-cloudtrail", 0.95 },
        { "okta-system-log.jsonl", "okta-system-log", 0.6 },
        { "github-audit-log.jsonl", "github-audit-log", 0.85 },
        { "google-workspace-activity.jsonl", "google-workspace", 0.7 },
        { "kubernetes-audit.jsonl", "kubernetes-audit", 0.5 },
        { "gcp-k8s-audit.jsonl", "gke-cloud-audit", 0.85 },
        { "azure-signin.jsonl", "entra-id-signin", 0.95 },
    };

    /// <summary>How every rejection of the shipped sources begins: a reason a reader can act on.</summary>
    private static readonly string[] MeaningfulReasons =
    [
        "not a", "no time:", "time /", "no actor:", "rule '", "invalid JSON",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_record_is_mapped_unmapped_or_rejected_with_a_reason(string file, string sourceId, double floor)
    {
        byte[] bytes = SourceSamples.Read(file);
        int records = Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.Trim().Length > 0);

        var run = MappedRun.Of(ShippedSources.Get(sourceId), bytes, file);

        var counts = run.Counts;
        output.WriteLine($"{file} through {sourceId}: read {counts.Read}, accepted {counts.Accepted}, duplicates {counts.Duplicates}, rejected {counts.Rejected}, unmapped {counts.Unmapped}");
        foreach (var reason in run.Rejections.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  rejected {reason.Count()}: {reason.Key}");
        }

        Assert.Equal(records, counts.Read);
        Assert.Equal(counts.Read, counts.Accepted + counts.Duplicates + counts.Rejected + counts.Unmapped);
        Assert.Equal(counts.Accepted, run.Events.Count);
        Assert.Null(run.Input.Provenance.Damaged);
        Assert.Equal(sourceId, run.Input.Provenance.LogSource);
        Assert.All(run.Rejections, r => Assert.True(MeaningfulReasons.Any(p => r.Reason.StartsWith(p, StringComparison.Ordinal)), "rejected without a meaningful reason: " + r.Reason));
        Assert.All(run.Events, e => Assert.Equal(ShippedSources.Account, e.Account));

        long ofAnother = run.Rejections.Count(r => r.Reason.StartsWith("not a", StringComparison.Ordinal));
        long named = counts.UnmappedByName.Names.Where(n => n.Name != "(no native name)").Sum(n => n.Count);
        double share = (counts.Accepted + counts.Duplicates + named) / (double)(counts.Read - ofAnother);
        Assert.True(share >= floor, $"{file}: {share:P0} of the source's records mapped or unmapped by name, below {floor:P0}; rejected:\n{run.Reasons}");
    }

    [Fact]
    public void The_GKE_records_among_the_Kubernetes_samples_are_read_by_the_Cloud_Audit_Logs_source()
    {
        byte[] bytes = SourceSamples.Read("kubernetes-audit.jsonl");
        int gke = Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.Contains("\"protoPayload\"", StringComparison.Ordinal));

        var kubernetes = MappedRun.Of(ShippedSources.Get("kubernetes-audit"), bytes);
        var cloudAudit = MappedRun.Of(ShippedSources.Get("gke-cloud-audit"), bytes);

        // AKS's diagnostic export wraps each audit event as a JSON string in properties.log, which no pointer can read.
        Assert.True(gke > 0);
        Assert.Equal(gke + AksWrapped(bytes), kubernetes.Rejections.Count(r => r.Reason == "not a Kubernetes audit record: /kind is missing"));
        Assert.Equal(gke, cloudAudit.Counts.Read - cloudAudit.Rejections.Count(r => r.Reason.StartsWith("not a Google Cloud Audit Logs (GKE) record", StringComparison.Ordinal)));
    }

    [Fact]
    public void Unmapped_records_are_counted_under_their_own_names()
    {
        var cloudTrail = MappedRun.Of(ShippedSources.Get("aws-cloudtrail"), SourceSamples.Read("aws-cloudtrail.jsonl"));
        var github = MappedRun.Of(ShippedSources.Get("github-audit-log"), SourceSamples.Read("github-audit-log.jsonl"));

        Assert.Contains(cloudTrail.Counts.UnmappedByName.Names, n => n.Name == "ec2.amazonaws.com:DescribeInstances" && n.Count == 3);
        Assert.Contains(github.Counts.UnmappedByName.Names, n => n.Name == "git.clone" && n.Count == 1);
    }

    [Fact]
    public void Records_of_every_shipped_source_are_recognised_by_their_own_source_alone()
    {
        var firsts = new Dictionary<string, string>
        {
            ["aws-cloudtrail"] = ShippedSources.SampleLine("aws-cloudtrail.jsonl", "fed06f42-cb12-4764-8c69-121063dc79b9"),
            ["okta-system-log"] = ShippedSources.SampleLine("okta-system-log.jsonl", "\"user.account.privilege.grant\""),
            ["github-audit-log"] = ShippedSources.SampleLine("github-audit-log.jsonl", "\"org.add_member\""),
            ["google-workspace"] = ShippedSources.SampleLine("google-workspace-activity.jsonl", "\"CREATE_ROLE\""),
            ["kubernetes-audit"] = ShippedSources.SampleLine("kubernetes-audit.jsonl", "\"auditID\": \"abcde12345\""),
            ["gke-cloud-audit"] = ShippedSources.SampleLine("gcp-k8s-audit.jsonl", "io.k8s.core.v1.services.create"),
            ["entra-id-signin"] = ShippedSources.SampleLine("azure-signin.jsonl", "ropc-fail-001"),
            ["ocsf"] = ShippedSources.OcsfLine("published-examples.jsonl", "\"class_uid\":2004"),
        };

        foreach (var (id, line) in firsts)
        {
            var candidates = Runtime.Sources.Mapping.LogSourceRecognition.Candidates(Catalogs.LogSources.All, Encoding.UTF8.GetBytes(line));
            Assert.Equal([id], candidates.Select(s => s.Id));
        }
    }

    private static int AksWrapped(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.Contains("\"category\": \"kube-audit\"", StringComparison.Ordinal));
}
