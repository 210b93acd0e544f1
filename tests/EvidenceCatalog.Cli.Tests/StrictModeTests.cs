using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class StrictModeTests
{
    [Fact]
    public void Overdue_reviews_are_warnings_and_exit_0_without_strict()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.OverdueAsOf);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.Contains(": warning EC4001: ", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains(": error ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_turns_the_same_warnings_into_errors_and_exits_1()
    {
        var lenient = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.OverdueAsOf);
        var strict = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.OverdueAsOf, "--strict");

        Assert.Equal(1, strict.ExitCode);
        string[] expected = lenient.StdoutLines[..^1].Select(l => l.Replace(": warning EC4", ": error EC4", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected, strict.StdoutLines[..^1]);
        Assert.Equal(RepositoryRoot.CatalogFileCount + " files checked: " + expected.Length + (expected.Length == 1 ? " error" : " errors") + ", no warnings.", strict.StdoutLines[^1]);
    }

    [Fact]
    public void Strict_changes_nothing_for_clean_catalogs()
    {
        Assert.Equal(0, Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--strict").ExitCode);
    }
}
