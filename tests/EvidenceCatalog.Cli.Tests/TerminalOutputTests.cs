using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.ReportCommandTests;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>What a command prints when its output is not a terminal (a CI log, a pipe): one line per line, never wrapped.</summary>
public sealed class TerminalOutputTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_long_summary_line_is_never_wrapped_when_the_output_is_not_a_terminal()
    {
        // Evidence every other day of a half year: the coverage-gap warning names about ninety gaps on one line.
        var days = Enumerable.Range(0, 181).Where(d => d % 2 == 0).Select(d => new DateTime(2026, 1, 1).AddDays(d));
        using var workspace = WithEvents(days.Select((d, i) => Line("e" + i, d.ToString("yyyy-MM-dd'T'10:00:00'Z'"))).ToArray());

        var result = Evidence.Run(workspace.Path, Clock, "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-01-01", "--to", "2026-06-30", "--output", "report.json");

        Assert.Equal(0, result.ExitCode);
        string warning = Assert.Single(result.StdoutLines, l => l.Contains("coverage gap(s)", StringComparison.Ordinal) && l.Contains("warning:", StringComparison.Ordinal));
        Assert.True(warning.Length > 1000, $"the warning should be one long line, not {warning.Length} characters");
        Assert.EndsWith("2026-06-27, 2026-06-29", warning, StringComparison.Ordinal);
        Assert.All(result.StdoutLines, l => Assert.False(l.StartsWith("  2026-", StringComparison.Ordinal), "a continuation line: " + l));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("-o")]
    [InlineData("--out")]
    public void Every_command_that_writes_a_file_takes_output_and_keeps_out_as_an_alias(string option)
    {
        using var workspace = WithEvents(Line("a", "2026-03-02T10:00:00Z"));

        var report = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, option, "report.json"]);
        var generated = Evidence.Run(workspace.Path, Clock, "generate-events", "--days", "1", "--per-day", "3", option, "generated.jsonl");
        var validated = Evidence.Run(workspace.Path, Clock, "validate", "--as-of", "2026-11-23", "--format", "json", option, "diagnostics.json");

        Assert.Equal((0, 0, 0), (report.ExitCode, generated.ExitCode, validated.ExitCode));
        Assert.True(File.Exists(workspace.Combine("report.json")));
        Assert.Equal(3, File.ReadAllLines(workspace.Combine("generated.jsonl")).Length);
        Assert.True(File.Exists(workspace.Combine("diagnostics.json")));
    }
}
