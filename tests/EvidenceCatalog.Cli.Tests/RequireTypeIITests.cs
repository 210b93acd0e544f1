using System;
using System.IO;
using System.Text.Json;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence report --require-type2</c>: exit 1 when Type II fails, after the report is written, naming the failing
/// controls and periods; exit 0 when it passes; refused with a CSV population, which has no verdict.
/// </summary>
public sealed class RequireTypeIITests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly string[] Window = ["--org", "northwind-cloud", "--from", "2026-01-01", "--to", "2026-04-10"];

    /// <summary>100 days of synthetic events from 2026-01-01, with the given silent days.</summary>
    private static CatalogWorkspace WithGeneratedEvents(params string[] silent)
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string[] args = ["generate-events", "--days", "100", "--per-day", "300", "--start", "2026-01-01", "--output", "events.jsonl"];
        var generated = Evidence.Run(workspace.Path, Clock, silent.Length == 0 ? args : [.. args, "--silent", string.Join(",", silent)]);
        Assert.Equal(0, generated.ExitCode);
        return workspace;
    }

    [Fact]
    public void A_continuous_control_silent_for_a_day_fails_type_ii_and_exits_1_after_writing_the_report()
    {
        using var workspace = WithGeneratedEvents("IAM-01@2026-02-10");

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--require-type2", "--output", "report.json"]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(
            "evidence: --require-type2: the report does not pass Type II:\n"
            + "  control IAM-01 (continuous): 1 exception in 100 required periods: 2026-02-10 (no evidence)\n",
            result.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        Assert.False(report.RootElement.GetProperty("validation").GetProperty("typeII").GetBoolean());
        Assert.Equal(1, report.RootElement.GetProperty("validation").GetProperty("controlExceptions").GetInt32());
    }

    [Fact]
    public void A_report_that_passes_type_ii_exits_0()
    {
        using var workspace = WithGeneratedEvents();

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--require-type2", "--output", "report.json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("Type II: pass (100 days, no coverage gaps, no control exceptions)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_gate_a_failing_type_ii_still_exits_0()
    {
        using var workspace = WithGeneratedEvents("IAM-01@2026-02-10");

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--output", "report.json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Type II: fail (100 days, no coverage gaps, 1 control exception)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_window_fails_the_gate_with_its_length_as_the_reason()
    {
        using var workspace = WithGeneratedEvents();

        var result = Evidence.Run(workspace.Path, Clock, "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-01-01", "--to", "2026-03-30", "--require-type2", "--output", "report.json");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("evidence: --require-type2: the report does not pass Type II:\n  the window has 89 days; a Type II observation period needs at least 90\n", result.Stderr);
    }

    [Fact]
    public void The_gate_is_refused_with_a_csv_population()
    {
        using var workspace = WithGeneratedEvents();

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--require-type2", "--format", "csv", "--output", "population.csv"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains("--require-type2 judges the JSON report; a CSV population has no Type II verdict, so run it with --format json", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Combine("population.csv")));
    }

    [Fact]
    public void Both_gates_report_their_reasons_and_exit_1()
    {
        using var workspace = WithGeneratedEvents("BCK-01@2026-03-03");

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--require-type2", "--require-complete", "--output", "report.json"]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("evidence: --require-complete: section access-review is degraded", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  control BCK-01 (daily): 1 exception in 100 required periods: 2026-03-03 (no evidence)\n", result.Stderr, StringComparison.Ordinal);
    }
}
