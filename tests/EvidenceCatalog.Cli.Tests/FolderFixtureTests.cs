using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// Each folder fixture (Fixtures/folder-*: a real symbolic link or named pipe made in a copy of the sample catalogs)
/// gives exactly its expected.txt through <c>evidence validate</c>, within a deadline.
/// </summary>
public sealed class FolderFixtureTests
{
    private static readonly Regex ExpectedForm = new(@"^.*?\(\d+,\d+\): (?:error|warning) EC\d{4}", RegexOptions.CultureInvariant);

    public static IEnumerable<object[]> Fixtures() => DiagnosticFixture.All(DiagnosticFixture.FolderFixtures).Select(f => new object[] { f.Name });

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_exactly_the_expected_diagnostics(string name)
    {
        var fixture = DiagnosticFixture.All(DiagnosticFixture.FolderFixtures).Single(f => f.Name == name);

        var printed = FolderFixture.Validate(fixture).Select(line => ExpectedForm.Match(line).Value).ToList();

        Assert.Equal(fixture.Expected, printed);
    }
}
