using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary><c>--fail-on</c>: which findings make <c>evidence diff</c> exit 1; without it the diff only reports.</summary>
public sealed class FailOnTests
{
    [Theory]
    [InlineData("ECD004-control-cadence-relaxed", "none", 0)]
    [InlineData("ECD004-control-cadence-relaxed", "regression", 1)]
    [InlineData("ECD004-control-cadence-relaxed", "finding", 1)]
    [InlineData("ECD005-control-cadence-tightened", "regression", 0)]
    [InlineData("ECD005-control-cadence-tightened", "finding", 1)]
    [InlineData("ECD010-role-gained-permission", "regression", 0)]
    public void Exit_code_follows_the_gate(string fixture, string failOn, int exitCode)
    {
        using var workspace = DiffWorkspace.For(fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--fail-on", failOn);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void A_regression_that_fails_the_gate_is_reported_as_an_error()
    {
        using var workspace = DiffWorkspace.For("ECD004-control-cadence-relaxed");

        var gated = Evidence.Run(workspace.Path, "diff", "base", "head", "--fail-on", "regression");
        var reported = Evidence.Run(workspace.Path, "diff", "base", "head");

        Assert.Contains(gated.StdoutLines, l => l.StartsWith("head/controls/zz-fixture.yaml(9,14): error ECD004: ", System.StringComparison.Ordinal));
        Assert.Contains(reported.StdoutLines, l => l.StartsWith("head/controls/zz-fixture.yaml(9,14): warning ECD004: ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_gate_is_a_usage_error()
    {
        using var workspace = DiffWorkspace.For("ECD004-control-cadence-relaxed");

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--fail-on", "regressions");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: Argument 'regressions' not recognized", result.Stderr, System.StringComparison.Ordinal);
    }
}
