using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public void Clean_catalogs_exit_0()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Any_error_exits_1()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        Assert.Equal(1, Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf).ExitCode);
    }

    [Fact]
    public void Missing_path_exits_2_with_one_line_on_stderr()
    {
        using var workspace = CatalogWorkspace.Empty();

        var result = Evidence.Run(workspace.Path, "validate", "no-such-dir");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: path 'no-such-dir' does not exist\n", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Missing_default_catalogs_folder_exits_2()
    {
        using var workspace = CatalogWorkspace.Empty();

        var result = Evidence.Run(workspace.Path, "validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: path 'catalogs' does not exist\n", result.Stderr);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("23/11/2026")]
    [InlineData("2026-11-23T00:00:00Z")]
    [InlineData("yesterday")]
    public void Bad_as_of_date_is_a_usage_error_exit_2(string value)
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: --as-of must be a real calendar date written YYYY-MM-DD (e.g. 2026-11-23), not '" + value + "'.\n"
                + "Try 'evidence validate --help' for usage.\n",
            result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Missing_schemas_directory_exits_2()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "no-such-schemas");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: schema directory 'no-such-schemas' does not exist\n", result.Stderr);
    }

    [Fact]
    public void Unknown_format_exits_2()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: Argument 'xml' not recognized. Must be one of: 'text' 'github' 'sarif' 'json' 'junit'\n", result.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_exits_2()
    {
        var result = Evidence.Run(RepositoryRoot.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: ", result.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0_and_describes_every_option()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[] { "<paths>", "--schemas <dir>", "--as-of <date>", "--strict", "--format <github|json|junit|sarif|text>", "--output <file>" })
        {
            Assert.Contains(option, result.Stdout, System.StringComparison.Ordinal);
        }
    }
}
