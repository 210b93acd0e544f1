using System;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler.Diff;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary>The diff's output formats: the same findings and changes, each in the shape its reader expects.</summary>
public sealed class DiffFormatTests
{
    private const string Fixture = "ECD006-high-risk-vendor-without-soc2";

    [Fact]
    public void Markdown_is_a_pull_request_comment_with_the_summary_and_findings_before_the_tables()
    {
        using var workspace = DiffWorkspace.For(Fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("### Catalog diff: `base` → `head`", lines[0]);
        Assert.Equal("**2 regressions**; 1 added, 0 removed, 1 changed.", lines[2]);
        int findings = Array.IndexOf(lines, "#### Findings");
        int vendors = Array.IndexOf(lines, "#### vendors (2 entries)");
        Assert.True(findings > 0 && vendors > findings, result.Stdout);
        Assert.Contains(
            "| ⚠️ regression | [ECD006](" + DiffFindingClass.HighRiskVendorWithoutSoc2.HelpUri + ") High or critical risk vendor without a current SOC 2 report | vendor 'fixture-added' was added at critical risk with SOC 2 Type II 'in-progress'; obtain a current report or lower the risk with recorded mitigations | `head/vendors/zz-fixture.yaml` line 21 |",
            lines);
        Assert.Contains("| added | vendor `fixture-added` |  |", lines);
        Assert.Contains("| changed | vendor `fixture-raised` | `risk`: medium → high |", lines);
    }

    [Fact]
    public void Markdown_escapes_catalog_text_so_it_cannot_break_a_table_or_add_markup()
    {
        using var workspace = DiffWorkspace.For(Fixture);
        string vendors = workspace.Combine("head/vendors/zz-fixture.yaml");
        System.IO.File.WriteAllText(vendors, System.IO.File.ReadAllText(vendors).Replace("Transcription of recorded customer calls.", "Calls | <img src=x> **bold**", StringComparison.Ordinal));

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "markdown");

        Assert.Contains("| changed | vendor `fixture-raised` | `risk`: medium → high<br>`service`: Transcription of recorded customer calls. → Calls \\| &lt;img src=x&gt; \\*\\*bold\\*\\* |", result.Stdout.Split('\n'));
    }

    [Fact]
    public void Json_counts_add_up_and_carry_fields_and_locations()
    {
        using var workspace = DiffWorkspace.For(Fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        var summary = root.GetProperty("summary");
        Assert.Equal(changes.Count, summary.GetProperty("added").GetInt32() + summary.GetProperty("removed").GetInt32() + summary.GetProperty("changed").GetInt32());
        Assert.Equal(root.GetProperty("findings").GetArrayLength(), summary.GetProperty("findings").GetInt32());
        Assert.Equal(2, summary.GetProperty("regressions").GetInt32());
        var raised = changes.Single(c => c.GetProperty("id").GetString() == "fixture-raised");
        Assert.Equal("vendors", raised.GetProperty("kind").GetString());
        Assert.Equal("changed", raised.GetProperty("change").GetString());
        var field = Assert.Single(raised.GetProperty("fields").EnumerateArray());
        Assert.Equal(("risk", "medium", "high"), (field.GetProperty("path").GetString(), field.GetProperty("before").GetString(), field.GetProperty("after").GetString()));
        Assert.Equal("head/vendors/zz-fixture.yaml", raised.GetProperty("file").GetString());
    }

    [Fact]
    public void Github_annotations_point_at_heads_yaml_lines()
    {
        using var workspace = DiffWorkspace.For(Fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "github", "--fail-on", "regression");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "::error file=head/vendors/zz-fixture.yaml,line=21,col=15,endLine=21,endColumn=26,title=ECD006 High or critical risk vendor without a current SOC 2 report::vendor 'fixture-added' was added at critical risk with SOC 2 Type II 'in-progress'; obtain a current report or lower the risk with recorded mitigations",
                "::error file=head/vendors/zz-fixture.yaml,line=9,col=15,endLine=9,endColumn=28,title=ECD006 High or critical risk vendor without a current SOC 2 report::vendor 'fixture-raised' is now at high risk with SOC 2 Type II 'not-available' (BASE: medium risk, SOC 2 Type II 'not-available'); obtain a current report or lower the risk with recorded mitigations",
                "base → head: 1 added, 0 removed, 1 changed; 2 findings (2 regressions).",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Github_notices_are_for_findings_that_are_not_regressions_and_have_no_file_when_head_lost_the_entry()
    {
        using var workspace = DiffWorkspace.For("ECD011-event-no-longer-mapped");
        System.IO.File.Delete(workspace.Combine("head/events/zz-fixture.yaml"));

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "github");

        Assert.StartsWith("::warning title=ECD011 Event type no longer mapped::event type 'device.wiped' is no longer mapped by any control or source and was removed from the taxonomy", result.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_has_a_rule_per_finding_class_and_a_result_per_finding()
    {
        using var workspace = DiffWorkspace.For(Fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "sarif");

        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DiffFindingClass.All.Select(c => c.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("ECD006", r.GetProperty("ruleId").GetString()));
        Assert.Equal(DiffFindingClass.All.ToList().IndexOf(DiffFindingClass.HighRiskVendorWithoutSoc2), results[0].GetProperty("ruleIndex").GetInt32());
        var location = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("head/vendors/zz-fixture.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(21, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Output_file_gets_the_report_and_standard_output_the_summary()
    {
        using var workspace = DiffWorkspace.For(Fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "markdown", "-o", "out/diff.md");

        Assert.Equal(["base → head: 1 added, 0 removed, 1 changed; 2 findings (2 regressions)."], result.StdoutLines);
        Assert.StartsWith("### Catalog diff: `base` → `head`\n", System.IO.File.ReadAllText(workspace.Combine("out/diff.md")), StringComparison.Ordinal);
    }
}
