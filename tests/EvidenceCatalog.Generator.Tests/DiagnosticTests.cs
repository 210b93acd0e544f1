using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>
/// Every compiler diagnostic surfaces through the generator, with the same id, file, line and column: each fixture of
/// the compiler's tests (tests/EvidenceCatalog.Compiler.Tests/Fixtures) is run through the generator and must give
/// exactly its expected.txt, each line printed as the compiler prints it.
/// </summary>
public sealed class DiagnosticTests
{
    /// <summary>
    /// Fixtures the generator cannot reproduce as they stand: they change the YAML limits (the generator uses the
    /// defaults) or hold bytes that are not UTF-8 (the C# compiler decodes additional files itself; see
    /// <see cref="GeneratorDiagnosticTests.A_catalog_the_compiler_did_not_read_as_utf8_is_EC5004"/>).
    /// </summary>
    public static IEnumerable<object[]> Fixtures() =>
        DiagnosticFixture.All().Where(FixtureBuild.MatchesTheCompiler).Select(f => new object[] { f.Name });

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_the_same_lines_through_the_generator(string name)
    {
        var fixture = DiagnosticFixture.Named(name);

        var built = FixtureBuild.Run(fixture);
        var validated = fixture.Compile().Diagnostics;

        Assert.Equal(fixture.Expected, built.Select(FixtureBuild.ExpectedForm).ToList());

        // Each line the build prints is the very line `evidence validate` prints, message and help link included.
        Assert.Equal(validated.Select(d => d.ToString()), built.Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_compiler_diagnostic_id_surfaces_through_the_generator()
    {
        var covered = DiagnosticFixture.All()
            .Where(FixtureBuild.MatchesTheCompiler)
            .SelectMany(f => f.Expected)
            .Select(l => l.Split(' ').Last())
            .ToHashSet(StringComparer.Ordinal);

        // The limit fixtures need YamlLimits the generator does not expose; their ids go through the same mapping.
        var limitIds = new[] { "EC1001", "EC1002", "EC1003", "EC1008" };

        // What evidence validate's folder search refuses: a build's inputs are listed by MSBuild and opened by the C#
        // compiler, and the package's targets refuse what is not a regular file (EC1016, PackAndConsumeTests).
        var folderIds = new[] { "EC1014", "EC1015", "EC1016" };
        var missing = DiagnosticDescriptors.ReportedByCompiler.Select(d => d.Id).Where(id => !covered.Contains(id) && !limitIds.Contains(id) && !folderIds.Contains(id)).ToList();
        Assert.Empty(missing);
    }
}
