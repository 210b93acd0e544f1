using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.ReportCommandTests;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// One control's population alone (<c>--format csv --control ID</c>), the samples as a CSV of their own
/// (<c>--format samples-csv</c>), and <c>evidence sample verify</c>: match exits 0, a tampered population exits 1
/// naming the control, an unknown control id exits 2 with the closest id.
/// </summary>
public sealed class ControlExportTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static CatalogWorkspace Population() => WithEvents(Enumerable.Range(0, 60)
        .Select(i => i % 4 == 3
            ? Line("c" + i, $"2026-03-{1 + (i % 28):D2}T{i % 24:D2}:15:00Z", type: "change.deployed", outcome: "success")
            : Line("e" + i, $"2026-03-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z", outcome: i % 3 == 0 ? "deny" : "allow"))
        .ToArray());

    [Fact]
    public void The_population_of_one_control_holds_its_rows_only()
    {
        using var workspace = Population();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--format", "csv", "--out", "all.csv"]).ExitCode);

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--format", "csv", "--control", "IAM-01", "--out", "iam-01.csv"]);

        Assert.Equal(0, result.ExitCode);
        var all = Rows("all.csv");
        var one = Rows("iam-01.csv");
        Assert.Equal(all[0], one[0]);
        Assert.Equal(all.Skip(1).Where(r => r.StartsWith("IAM-01,", StringComparison.Ordinal)), one.Skip(1));
        Assert.Equal(45, one.Length - 1);
        Assert.Contains(all.Skip(1), r => !r.StartsWith("IAM-01,", StringComparison.Ordinal));

        string[] Rows(string name) => File.ReadAllText(workspace.Combine(name)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void An_unknown_control_is_a_usage_error_with_the_closest_id_and_nothing_is_written()
    {
        using var workspace = Population();

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--format", "csv", "--control", "IAM-1", "--out", "x.csv"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: --control: there is no control 'IAM-1' in the catalogs; did you mean 'IAM-01'?", result.Stderr.Trim());
        Assert.False(File.Exists(workspace.Combine("x.csv")));
    }

    [Fact]
    public void Control_with_the_json_report_is_a_usage_error()
    {
        using var workspace = Population();

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--control", "IAM-01"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--control selects the rows of a CSV export", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_csv_holds_the_reports_samples_row_for_row()
    {
        using var workspace = Population();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--out", "report.json"]).ExitCode);

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--format", "samples-csv", "--out", "samples.csv"]);

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var expected = report.RootElement.GetProperty("samples").GetProperty("controls").EnumerateObject()
            .SelectMany(c => c.Value.GetProperty("events").EnumerateArray().Select(e => c.Name + "," + e.GetProperty("id").GetString()))
            .ToList();
        var rows = File.ReadAllText(workspace.Combine("samples.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("control_id,event_id,time,type,outcome,actor,account,resource,ip,stratum,sample_size,population_size,population_digest,seed", rows[0]);
        Assert.Equal(expected, rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))));
        Assert.NotEmpty(expected);
        Assert.Contains($"samples.csv: {expected.Count} sampled events of ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_verify_matches_on_the_same_events_and_fails_naming_the_control_on_a_tampered_population()
    {
        using var workspace = Population();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--out", "report.json"]).ExitCode);

        var same = Evidence.Run(workspace.Path, Clock, "sample", "verify", "report.json", "events.jsonl");
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("match     IAM-01", same.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\b(\d+) of \1 samples match \(evidence-sample/1\)", same.Stdout);

        string text = File.ReadAllText(workspace.Combine("events.jsonl"));
        workspace.AddText("tampered.jsonl", text.Replace("\"id\":\"e5\"", "\"id\":\"e5-replaced\"", StringComparison.Ordinal));
        var tampered = Evidence.Run(workspace.Path, Clock, "sample", "verify", "report.json", "tampered.jsonl");

        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("MISMATCH  IAM-01: the population's digest is ", tampered.Stdout, StringComparison.Ordinal);
        Assert.Contains("the samples of IAM-01 do not match the population given", tampered.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_verify_of_a_file_that_is_not_a_report_exits_2()
    {
        using var workspace = Population();
        workspace.AddText("not-a-report.json", "{\"meta\":{}}");

        var result = Evidence.Run(workspace.Path, Clock, "sample", "verify", "not-a-report.json", "events.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not-a-report.json: this is not an evidence report", result.Stderr, StringComparison.Ordinal);
    }
}
