using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// An outside control set of manual controls (adapted from a CPA firm's published set, see the fixture's NOTICE.md) loads
/// beside the sample catalogs with <c>evidence validate --strict</c>, and its controls become evidence requests and
/// <c>manual</c> criteria in a report.
/// </summary>
public sealed class ManualControlTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static CatalogWorkspace WithOutsideControls()
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string fixture = Path.Combine(DiagnosticFixture.CompilerFixtures, "policy-manual-controls-outside-set", "controls-outside.yaml");
        workspace.AddBytes("catalogs/controls/outside.yaml", File.ReadAllBytes(fixture));
        return workspace;
    }

    [Fact]
    public void The_outside_control_set_validates_strict_with_no_diagnostic()
    {
        using var workspace = WithOutsideControls();

        var result = Evidence.Run(workspace.Path, "validate", "catalogs", "--strict", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal([(RepositoryRoot.CatalogFileCount + 1) + " files checked: no errors, no warnings."], result.StdoutLines);
    }

    [Fact]
    public void Its_controls_are_evidence_requests_per_period_and_their_criteria_are_manual()
    {
        using var workspace = WithOutsideControls();
        workspace.AddText("events.jsonl", ReportCommandTests.Line("a", "2026-03-02T10:00:00Z") + "\n");

        var result = Evidence.Run(workspace.Path, Clock, "report", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-02-15", "--to", "2026-05-31", "--output", "report.json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var root = report.RootElement;
        var requests = root.GetProperty("evidenceRequests").EnumerateArray().ToList();

        // EVL-02 (monthly) is asked for February (from the window's first day), March, April and May.
        Assert.Equal(
            [("2026-02", "2026-02-15", "2026-02-28"), ("2026-03", "2026-03-01", "2026-03-31"), ("2026-04", "2026-04-01", "2026-04-30"), ("2026-05", "2026-05-01", "2026-05-31")],
            requests.Where(r => r.GetProperty("control").GetString() == "EVL-02").Select(r => (r.GetProperty("period").GetString(), r.GetProperty("from").GetString(), r.GetProperty("to").GetString())));

        // PPL-01 (on-occurrence) is asked for once, for the window; GOV-03 (annually) for the year, from the window's days.
        var background = Assert.Single(requests, r => r.GetProperty("control").GetString() == "PPL-01");
        Assert.Equal("2026-02-15..2026-05-31", background.GetProperty("period").GetString());
        Assert.Equal("People Operations", background.GetProperty("providedBy").GetString());
        var structure = Assert.Single(requests, r => r.GetProperty("control").GetString() == "GOV-03");
        Assert.Equal(("2026", "2026-02-15", "2026-05-31"), (structure.GetProperty("period").GetString(), structure.GetProperty("from").GetString(), structure.GetProperty("to").GetString()));

        var criteria = root.GetProperty("criteria");
        Assert.Equal("manual", criteria.GetProperty("CC1.3").GetProperty("status").GetString());
        Assert.Equal(1, criteria.GetProperty("CC1.3").GetProperty("openRequests").GetInt32());
        Assert.Equal("manual", criteria.GetProperty("P1.1").GetProperty("status").GetString());
        Assert.Equal("manual", root.GetProperty("controls").GetProperty("GOV-02").GetProperty("operation").GetProperty("verdict").GetString());
        Assert.Equal(["BRD-01", "GOV-02"], criteria.GetProperty("CC1.2").GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("for 22 manual controls", result.Stdout, StringComparison.Ordinal);
    }
}
