using System.IO;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class OutputFileTests
{
    [Fact]
    public void Output_writes_the_report_to_the_file_and_only_the_summary_to_stdout()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "sarif", "--output", "out/evidence.sarif");

        Assert.Equal(1, result.ExitCode);
        string summary = (RepositoryRoot.CatalogFileCount + 1) + " files checked: 1 error, no warnings.";
        Assert.Equal([summary], result.StdoutLines);
        string written = File.ReadAllText(workspace.Combine("out/evidence.sarif"));
        using var log = JsonDocument.Parse(written);
        Assert.Equal("EC2006", log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Output_file_holds_exactly_what_stdout_would_have_held()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var toStdout = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "text");
        Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "text", "--output", "report.txt");

        byte[] bytes = File.ReadAllBytes(workspace.Combine("report.txt"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(toStdout.Stdout, File.ReadAllText(workspace.Combine("report.txt")));
    }

    [Fact]
    public void Output_is_resolved_against_the_working_directory()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "json", "-o", "result.json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(workspace.Combine("result.json")));
        Assert.Equal(0, document.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(RepositoryRoot.CatalogFileCount, document.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }
}
