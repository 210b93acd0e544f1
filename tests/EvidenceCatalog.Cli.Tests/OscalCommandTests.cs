using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence oscal</c>: the catalog-only documents without events, the assessment results added with events and a
/// window (the options of <c>evidence report</c>); every file passes its official OSCAL schema; the same input gives
/// the same bytes.
/// </summary>
public sealed class OscalCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Without_events_the_catalog_and_component_definition_are_written_and_pass_the_official_schemas()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        var result = Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "oscal"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("catalog-only documents (no events given", result.Stdout);
        Assert.Equal(["catalog-soc2.json", "component-definition.json"], Files(workspace.Combine("oscal")));
        AssertValid(workspace.Combine("oscal"));
    }

    [Fact]
    public void With_events_and_a_window_the_assessment_results_are_added()
    {
        using var workspace = ReportCommandTests.WithEvents(
            ReportCommandTests.Line("a", "2026-03-02T10:00:00Z"),
            ReportCommandTests.Line("b", "2026-03-03T10:00:00Z", outcome: "deny"),
            "not json");
        var result = Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "oscal", "--events", "events.jsonl", .. ReportCommandTests.Window]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["assessment-results.json", "catalog-soc2.json", "component-definition.json", "evidence-report.quarantine.jsonl"], Files(workspace.Combine("oscal")));
        AssertValid(workspace.Combine("oscal"));
        using var results = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("oscal/assessment-results.json")));
        var run = results.RootElement.GetProperty("assessment-results").GetProperty("results")[0];
        Assert.Equal("2026-03-01T00:00:00Z", run.GetProperty("start").GetString());
        Assert.Equal("2026-04-01T00:00:00Z", run.GetProperty("end").GetString());
        var iam = run.GetProperty("observations").EnumerateArray().Single(o => o.GetProperty("title").GetString()!.StartsWith("IAM-01 ", StringComparison.Ordinal));
        var counts = iam.GetProperty("props").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() == "evidence-count")
            .ToDictionary(p => p.TryGetProperty("class", out var c) ? c.GetString()! : "total", p => p.GetProperty("value").GetString());
        Assert.Equal("2", counts["total"]);
        Assert.Equal("1", counts["allow"]);
        Assert.Equal("1", counts["deny"]);
        Assert.Contains("\"line\":3", File.ReadAllText(workspace.Combine("oscal/evidence-report.quarantine.jsonl")));
    }

    [Fact]
    public void Two_runs_write_byte_identical_documents()
    {
        using var workspace = ReportCommandTests.WithEvents(ReportCommandTests.Line("a", "2026-03-02T10:00:00Z"));
        string[] args = ["oscal", "--events", "events.jsonl", .. ReportCommandTests.Window, "--output"];
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, [.. args, "first"]).ExitCode);
        Assert.Equal(0, Evidence.Run(workspace.Path, new FixedClock(Clock.GetUtcNow().AddDays(3)), [.. args, "second"]).ExitCode);
        foreach (string name in Files(workspace.Combine("first")).Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(workspace.Combine("first/" + name)), File.ReadAllBytes(workspace.Combine("second/" + name)));
        }
    }

    [Fact]
    public void As_of_dates_the_catalog_only_documents()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "oscal", "--as-of", "2026-11-01"]).ExitCode);
        using var catalog = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("oscal/catalog-soc2.json")));
        Assert.Equal("2026-11-01T00:00:00Z", catalog.RootElement.GetProperty("catalog").GetProperty("metadata").GetProperty("last-modified").GetString());
    }

    [Theory]
    [InlineData("--from", "2026-03-01", "--from is for a report's window")]
    [InlineData("--events", "events.jsonl", "give the account and window too")]
    public void A_window_without_a_source_or_a_source_without_a_window_is_a_usage_error(string option, string value, string message)
    {
        using var workspace = ReportCommandTests.WithEvents(ReportCommandTests.Line("a", "2026-03-02T10:00:00Z"));
        var result = Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "oscal", option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.False(Directory.Exists(workspace.Combine("oscal")));
    }

    [Fact]
    public void As_of_with_events_is_refused_since_the_window_dates_the_documents()
    {
        using var workspace = ReportCommandTests.WithEvents(ReportCommandTests.Line("a", "2026-03-02T10:00:00Z"));
        var result = Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "oscal", "--as-of", "2026-03-31", "--events", "events.jsonl", .. ReportCommandTests.Window]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of dates the catalog-only documents", result.Stderr);
    }

    [Fact]
    public void An_account_the_events_do_not_hold_writes_nothing_and_exits_1()
    {
        using var workspace = ReportCommandTests.WithEvents(ReportCommandTests.Line("a", "2026-03-02T10:00:00Z"));
        var result = Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "oscal", "--events", "events.jsonl", "--org", "northwind", "--from", "2026-03-01", "--to", "2026-03-31"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no events for account 'northwind'", result.Stderr);
        Assert.DoesNotContain(Files(workspace.Combine("oscal")), n => n.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_that_is_a_file_is_refused()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddText("taken", "x");
        var result = Evidence.Run(workspace.Path, Clock, ["oscal", "--output", "taken"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output 'taken' is a file", result.Stderr);
    }

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray() : [];

    private static void AssertValid(string folder)
    {
        foreach (string path in Directory.GetFiles(folder, "*.json"))
        {
            Assert.Equal([], OscalSchemas.Errors(OscalSchemas.ForFileName(Path.GetFileName(path)), File.ReadAllBytes(path)));
        }
    }
}
