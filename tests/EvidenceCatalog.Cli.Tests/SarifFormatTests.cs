using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class SarifFormatTests
{
    [Fact]
    public void Sarif_format_writes_a_sarif_2_1_0_log_with_one_run()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        using var log = JsonDocument.Parse(result.Stdout);
        var root = log.RootElement;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("evidence", driver.GetProperty("name").GetString());
        Assert.Equal("0.1.0", driver.GetProperty("version").GetString());
        Assert.Equal(HelpLinks.RepositoryUrl, driver.GetProperty("informationUri").GetString());
    }

    [Fact]
    public void Every_diagnostic_the_compiler_reports_is_a_rule_with_its_title_help_page_and_default_level()
    {
        using var log = JsonDocument.Parse(Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "sarif").Stdout);
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();

        Assert.Equal(DiagnosticDescriptors.ReportedByCompiler.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var notInEnum = rules.Single(r => r.GetProperty("id").GetString() == "EC2006");
        Assert.Equal("ValueNotAllowed", notInEnum.GetProperty("name").GetString());
        Assert.Equal("Value not allowed", notInEnum.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(DiagnosticDescriptors.NotInEnum.Help, notInEnum.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal(DiagnosticDescriptors.NotInEnum.Help, notInEnum.GetProperty("help").GetProperty("text").GetString());
        Assert.Equal("error", notInEnum.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal(HelpLinks.RepositoryUrl + "/blob/main/docs/diagnostics/EC2006.md", notInEnum.GetProperty("helpUri").GetString());
        var overdue = rules.Single(r => r.GetProperty("id").GetString() == "EC4001");
        Assert.Equal("warning", overdue.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void A_result_names_its_rule_and_the_exact_region_relative_to_the_source_root()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        using var log = JsonDocument.Parse(Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "sarif").Stdout);

        var run = log.RootElement.GetProperty("runs")[0];
        var sarifResult = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("EC2006", sarifResult.GetProperty("ruleId").GetString());
        int ruleIndex = sarifResult.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("EC2006", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[ruleIndex].GetProperty("id").GetString());
        Assert.Equal("error", sarifResult.GetProperty("level").GetString());
        Assert.Equal(Scenarios.SevereVendorMessage, sarifResult.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(sarifResult.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal(Scenarios.SevereVendorPath, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(
            (6, 11, 6, 17),
            (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void The_same_catalogs_give_the_same_bytes()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var first = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.OverdueAsOf, "--format", "sarif");
        var second = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.OverdueAsOf, "--format", "sarif");

        Assert.Equal(first.Stdout, second.Stdout);
    }
}
