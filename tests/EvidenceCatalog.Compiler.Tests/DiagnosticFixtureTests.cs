using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Each fixture folder gives exactly the diagnostics its expected.txt lists, at the listed file, line and column.</summary>
public sealed class DiagnosticFixtureTests
{
    public static IEnumerable<object[]> Fixtures() => DiagnosticFixture.All().Select(f => new object[] { f.Name });

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_exactly_the_expected_diagnostics(string name)
    {
        var fixture = DiagnosticFixture.Named(name);
        var actual = fixture.Compile().Diagnostics.Select(DiagnosticFixture.Format).ToList();
        Assert.Equal(fixture.Expected, actual);
    }

    [Fact]
    public void Every_diagnostic_id_the_compiler_reports_is_triggered_by_at_least_one_fixture()
    {
        // The folder fixtures run through evidence validate (tests/EvidenceCatalog.Cli.Tests); their expected lines count here.
        var covered = DiagnosticFixture.All().Concat(DiagnosticFixture.All(DiagnosticFixture.FolderFixtures))
            .SelectMany(f => f.Expected).Select(l => l.Split(' ').Last()).ToHashSet();
        var missing = DiagnosticDescriptors.ReportedByCompiler.Select(d => d.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_diagnostic_id_has_a_help_page()
    {
        var missing = DiagnosticDescriptors.All
            .Where(d => !System.IO.File.Exists(System.IO.Path.Combine(RepositoryFiles.Root, d.HelpPath)))
            .Select(d => d.Id)
            .ToList();
        Assert.Empty(missing);
    }
}
