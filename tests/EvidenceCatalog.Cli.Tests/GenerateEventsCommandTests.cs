using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class GenerateEventsCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Writes_the_events_file_and_the_summary_to_stdout()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, Clock, "generate-events", "--days", "30", "--out", "out/events.jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["wrote 30000 events (30 days × 1000/day, 0 gap days) to out/events.jsonl"], result.StdoutLines);
        Assert.Equal(string.Empty, result.Stderr);
        string[] lines = File.ReadAllLines(workspace.Combine("out/events.jsonl"));
        Assert.Equal(30000, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("northwind-cloud", first.RootElement.GetProperty("account").GetString());
    }

    [Fact]
    public void The_same_arguments_write_the_same_bytes()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string[] arguments = ["generate-events", "--days", "5", "--per-day", "700", "--seed", "77", "--gap-days", "1"];

        Evidence.Run(workspace.Path, Clock, [.. arguments, "--out", "a.jsonl"]);
        Evidence.Run(workspace.Path, Clock, [.. arguments, "--out", "b.jsonl"]);

        Assert.Equal(File.ReadAllBytes(workspace.Combine("a.jsonl")), File.ReadAllBytes(workspace.Combine("b.jsonl")));
    }

    [Fact]
    public void Without_start_the_run_ends_yesterday()
    {
        var result = Evidence.Run(RepositoryRoot.Path, Clock, "generate-events", "--days", "3", "--per-day", "50");

        string[] dates = [.. result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("time").GetString()![..10]).Distinct()];
        Assert.Equal(["2026-11-20", "2026-11-21", "2026-11-22"], dates);
    }

    [Fact]
    public void Without_out_the_events_go_to_stdout_and_the_summary_to_stderr()
    {
        var result = Evidence.Run(RepositoryRoot.Path, Clock, "generate-events", "--days", "2", "--per-day", "40", "--out", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(80, result.StdoutLines.Length);
        Assert.All(result.StdoutLines, l => JsonDocument.Parse(l).Dispose());
        Assert.Equal("wrote 80 events (2 days × 40/day, 0 gap days) to standard output\n", result.Stderr);
    }

    [Fact]
    public void Gap_dates_and_gap_days_both_leave_days_empty()
    {
        var result = Evidence.Run(
            RepositoryRoot.Path, Clock, "generate-events", "--start", "2026-03-01", "--days", "10", "--per-day", "20", "--org", "acme",
            "--gap-dates", "2026-03-02,2026-03-04", "--gap-days", "1");

        string[] dates = [.. result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("time").GetString()![..10]).Distinct()];
        Assert.Equal(7, dates.Length);
        Assert.DoesNotContain("2026-03-02", dates);
        Assert.DoesNotContain("2026-03-04", dates);
        Assert.Equal("wrote 140 events (10 days × 20/day, 3 gap days) to standard output\n", result.Stderr);
        Assert.All(result.StdoutLines, l => Assert.Contains("\"account\":\"acme\"", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--days", "0")]
    [InlineData("--days", "many")]
    [InlineData("--per-day", "-5")]
    [InlineData("--seed", "-1")]
    [InlineData("--start", "2026-02-30")]
    [InlineData("--gap-dates", "2026-03-01,tomorrow")]
    [InlineData("--gap-dates", "2001-01-01")]
    [InlineData("--gap-days", "119")]
    [InlineData("--org", "")]
    [InlineData("--catalogs", "no-such-folder")]
    [InlineData("--silent", "IAM-01")]
    [InlineData("--silent", "IAM-01@2026-02-30")]
    [InlineData("--silent", "@2026-11-20")]
    public void Bad_arguments_exit_2_with_one_line_and_no_stack_trace(string option, string value)
    {
        var result = Evidence.Run(RepositoryRoot.Path, Clock, "generate-events", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("evidence: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_day_takes_one_control_s_evidence_away_and_the_summary_names_it()
    {
        var result = Evidence.Run(
            RepositoryRoot.Path, Clock, "generate-events", "--start", "2026-03-01", "--days", "3", "--per-day", "300", "--silent", "IAM-01@2026-03-02, MON-01@2026-03-03");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("wrote 900 events (3 days × 300/day, 0 gap days, silent: IAM-01@2026-03-02, MON-01@2026-03-03) to standard output\n", result.Stderr);
        var events = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).Select(e => (Date: e.GetProperty("time").GetString()![..10], Type: e.GetProperty("type").GetString())).ToList();
        Assert.Equal(300, events.Count(e => e.Date == "2026-03-02"));

        // IAM-01's evidence is policy decisions and sign-ins: none on its silent day, some on the others.
        Assert.DoesNotContain(events, e => e.Date == "2026-03-02" && e.Type is "policy.decision" or "auth.login");
        Assert.Contains(events, e => e.Date == "2026-03-03" && e.Type == "policy.decision");
    }

    [Theory]
    [InlineData("XYZ-01@2026-03-02", "evidence: the silent day 2026-03-02 names the control 'XYZ-01', which the catalog does not declare\n")]
    [InlineData("ETH-01@2026-03-02", "evidence: the control 'ETH-01' has no evidence rule on a declared event type, so it has no evidence to silence on 2026-03-02\n")]
    [InlineData("IAM-01@2026-04-01", "evidence: the silent day 2026-04-01 of IAM-01 is outside the run, 2026-03-01 to 2026-03-03\n")]
    public void A_silent_day_that_cannot_be_planted_exits_2_and_writes_nothing(string silent, string problem)
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, Clock, "generate-events", "--start", "2026-03-01", "--days", "3", "--silent", silent, "--out", "events.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(problem, result.Stderr);
        Assert.False(File.Exists(workspace.Combine("events.jsonl")));
    }

    [Fact]
    public void Catalogs_with_errors_exit_1_and_write_no_events()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, Clock, "generate-events", "--out", "events.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("EC2006", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Combine("events.jsonl")));
    }
}
