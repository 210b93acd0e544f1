using System;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary>A side that cannot be compared is exit 2 with a message naming the side, never a diff against nothing.</summary>
public sealed class SideErrorTests
{
    [Fact]
    public void A_side_that_does_not_compile_is_named_with_its_errors_at_their_lines()
    {
        using var workspace = DiffWorkspace.For("ECD004-control-cadence-relaxed");
        workspace.AddFixture("SevereRiskVendor/zz-severe-risk.yaml", "head/vendors/zz-severe-risk.yaml");

        var result = Evidence.Run(workspace.Path, "diff", "base", "head");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(
            [
                "head/vendors/zz-severe-risk.yaml(6,11): error EC2006: " + Scenarios.SevereVendorMessage + Scenarios.HelpSuffix("EC2006"),
                "evidence: HEAD does not compile: the catalog folder 'head' has 1 error; fix them (see 'evidence validate') and run the diff again",
            ],
            result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Neither_a_folder_nor_a_revision_is_a_usage_error()
    {
        using var workspace = DiffWorkspace.For("ECD004-control-cadence-relaxed");

        var result = Evidence.Run(workspace.Path, "diff", "base", "no-such-thing");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: HEAD 'no-such-thing' is neither a folder nor a git revision", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_folder_without_catalogs_is_a_usage_error()
    {
        using var workspace = DiffWorkspace.For("ECD004-control-cadence-relaxed");
        System.IO.Directory.CreateDirectory(workspace.Combine("empty"));

        var result = Evidence.Run(workspace.Path, "diff", "empty", "head");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: BASE 'empty' is a folder with no *.yaml or *.yml catalog in it\n", result.Stderr);
    }
}
