using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler.Diff;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary>
/// Every finding class of <c>evidence diff</c> has a fixture (Fixtures/Diff/ECDxxx-name/ with <c>before/</c> and
/// <c>after/</c> catalog files laid over the sample catalogs, and <c>expected.txt</c>: the finding lines the diff prints,
/// without their help links), and every fixture gives exactly its lines.
/// </summary>
public sealed class FindingClassFixtureTests
{
    public static TheoryData<string> Fixtures() => [.. Directory.GetDirectories(DiffWorkspace.FixturesRoot).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_exactly_the_expected_findings(string fixture)
    {
        using var workspace = DiffWorkspace.For(fixture);

        var result = Evidence.Run(workspace.Path, "diff", "base", "head");

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(0, result.ExitCode);
        var findings = result.StdoutLines.Where(l => l.Contains(": warning ECD", StringComparison.Ordinal) || l.Contains(": info ECD", StringComparison.Ordinal)).ToList();
        string[] expected = File.ReadAllLines(Path.Combine(DiffWorkspace.FixturesRoot, fixture, "expected.txt")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(expected, findings.Select(WithoutHelp).ToArray());
        Assert.All(findings, line => Assert.EndsWith(" (" + DiffFindingClass.Find(IdOf(line))!.HelpUri + ")", line, StringComparison.Ordinal));
        Assert.Contains(findings, line => IdOf(line) == fixture[..6]);
    }

    [Fact]
    public void Every_finding_class_has_a_fixture_and_a_documented_section()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "pull-requests.md"));
        var fixtures = Directory.GetDirectories(DiffWorkspace.FixturesRoot).Select(Path.GetFileName).ToList();

        Assert.All(DiffFindingClass.All, findingClass =>
        {
            Assert.Contains(fixtures, f => f!.StartsWith(findingClass.Id + "-", StringComparison.Ordinal));
            Assert.Contains($"<a id=\"{findingClass.Id.ToLowerInvariant()}\"></a>", docs, StringComparison.Ordinal);
            Assert.Contains($"`{findingClass.Id}` {findingClass.Title}", docs, StringComparison.Ordinal);
            Assert.Contains($"| `{findingClass.Id}` | {findingClass.Title} | {(findingClass.IsRegression ? "yes" : "no")} |", docs, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_same_catalogs_on_both_sides_are_no_change()
    {
        using var workspace = DiffWorkspace.For("none");

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--fail-on", "finding");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["base → head: no change to the catalogs' model."], result.StdoutLines);
    }

    private static string IdOf(string line)
    {
        int at = line.IndexOf(" ECD", StringComparison.Ordinal);
        return line.Substring(at + 1, 6);
    }

    private static string WithoutHelp(string line) => line[..line.LastIndexOf(" (https://", StringComparison.Ordinal)];
}
