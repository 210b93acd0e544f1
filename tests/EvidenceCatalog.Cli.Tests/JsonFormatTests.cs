using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class JsonFormatTests
{
    [Fact]
    public void Json_format_lists_each_diagnostic_with_its_position_and_help_page_then_a_summary()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(["diagnostics", "summary"], root.EnumerateObject().Select(p => p.Name));
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(
            ["id", "severity", "file", "line", "column", "endLine", "endColumn", "message", "help"],
            diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("EC2006", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(Scenarios.SevereVendorPath, diagnostic.GetProperty("file").GetString());
        Assert.Equal(6, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(11, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(6, diagnostic.GetProperty("endLine").GetInt32());
        Assert.Equal(17, diagnostic.GetProperty("endColumn").GetInt32());
        Assert.Equal(Scenarios.SevereVendorMessage, diagnostic.GetProperty("message").GetString());
        Assert.Equal(HelpLinks.RepositoryUrl + "/blob/main/docs/diagnostics/EC2006.md", diagnostic.GetProperty("help").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(RepositoryRoot.CatalogFileCount + 1, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(0, summary.GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Warnings_have_severity_warning_and_are_counted_apart()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.OverdueAsOf, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var diagnostics = document.RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal("warning", d.GetProperty("severity").GetString()));
        Assert.Contains(diagnostics, d => d.GetProperty("id").GetString() == "EC4001");
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal((0, diagnostics.Length), (summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32()));
    }
}
