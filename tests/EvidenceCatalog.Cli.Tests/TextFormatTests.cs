using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class TextFormatTests
{
    [Fact]
    public void Text_format_prints_msbuild_lines_ending_with_the_help_link_and_a_summary()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(
            [
                Scenarios.SevereVendorPath + "(6,11): error EC2006: " + Scenarios.SevereVendorMessage + Scenarios.HelpSuffix("EC2006"),
                (RepositoryRoot.CatalogFileCount + 1) + " files checked: 1 error, no warnings.",
            ],
            result.StdoutLines);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Clean_catalogs_print_only_the_summary()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal([RepositoryRoot.CatalogFileCount + " files checked: no errors, no warnings."], result.StdoutLines);
    }

    [Fact]
    public void Text_is_the_default_format()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var byDefault = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);
        var explicitText = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "text");

        Assert.Equal(explicitText.Stdout, byDefault.Stdout);
    }

    [Fact]
    public void Warnings_are_printed_as_msbuild_warning_lines()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.OverdueAsOf);

        // In 2030 every dated fact of the sample catalogs is stale: vendor reviews (EC4001) and the staleness gates (EC4006 to EC4011).
        string[] warnings = result.StdoutLines.Where(l => l.Contains(": warning EC", System.StringComparison.Ordinal)).ToArray();
        string[] reviews = warnings.Where(l => l.Contains(": warning EC4001: ", System.StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(reviews);
        Assert.All(warnings, l => Assert.Matches(@"^catalogs/[a-z]+/[^()]+\.yaml\(\d+,\d+\): warning EC40(0[16-9]|1[01]): .*before the as-of date 2030-01-01", l));
        Assert.All(reviews, l => Assert.Matches(@"^catalogs/vendors/[^()]+\.yaml\(\d+,\d+\): warning EC4001: the next review of '[^']+' was due on \d{4}-\d{2}-\d{2}, before the as-of date 2030-01-01; ", l));
        Assert.Equal(RepositoryRoot.CatalogFileCount + " files checked: no errors, " + warnings.Length + (warnings.Length == 1 ? " warning." : " warnings."), result.StdoutLines[^1]);
    }
}
