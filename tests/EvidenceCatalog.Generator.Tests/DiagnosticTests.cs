using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Model;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
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
    private static readonly string FixturesRoot = Path.Combine(RepositoryFiles.Root, "tests", "EvidenceCatalog.Compiler.Tests", "Fixtures");

    /// <summary>
    /// Fixtures the generator cannot reproduce as they stand: they change the YAML limits (the generator uses the
    /// defaults) or hold bytes that are not UTF-8 (the C# compiler decodes additional files itself; see
    /// <see cref="GeneratorDiagnosticTests.A_catalog_the_compiler_did_not_read_as_utf8_is_EC5004"/>).
    /// </summary>
    private static bool RunsThroughTheGenerator(string directory) =>
        !File.ReadAllLines(Path.Combine(directory, "expected.txt")).Any(l => l.StartsWith("#!", StringComparison.Ordinal) && l.Contains(" max-", StringComparison.Ordinal)) &&
        !Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories).Any(f => !IsUtf8(File.ReadAllBytes(f)));

    public static IEnumerable<object[]> Fixtures() =>
        Directory.EnumerateDirectories(FixturesRoot)
            .Where(RunsThroughTheGenerator)
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => new object[] { Path.GetFileName(d) });

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_the_same_lines_through_the_generator(string name)
    {
        string directory = Path.Combine(FixturesRoot, name);
        string[] lines = File.ReadAllLines(Path.Combine(directory, "expected.txt"));
        var options = lines.Where(l => l.StartsWith("#!", StringComparison.Ordinal))
            .SelectMany(l => l.Substring(2).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(o => o.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "true", StringComparer.Ordinal);
        var expected = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        string asOf = options.TryGetValue("as-of", out var date) ? date : "2026-11-23";
        bool strict = options.ContainsKey("strict");
        var schemas = (options.TryGetValue("schemas", out var own) && own == "own"
            ? Relative(directory, Directory.EnumerateFiles(Path.Combine(directory, "schemas"), "*.json"))
            : RepositoryFiles.Schemas().Select(f => f with { Path = Path.GetRelativePath(RepositoryFiles.Root, f.Path).Replace('\\', '/') })).ToList();
        var catalogs = (options.TryGetValue("base", out var baseSet) && baseSet == "none"
            ? Enumerable.Empty<SourceFile>()
            : RepositoryFiles.SampleCatalogs().Select(f => f with { Path = Path.GetRelativePath(RepositoryFiles.Root, f.Path).Replace('\\', '/') }))
            .Concat(Relative(directory, Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories)))
            .ToList();

        var built = new GeneratorHarness()
            .WithOption("EvidenceCatalogAsOf", asOf)
            .WithOption("EvidenceCatalogStrict", strict ? "true" : "false")
            .WithSchemas(schemas)
            .WithCatalogs(catalogs)
            .Run().Diagnostics;
        var validated = CatalogCompiler.Compile(catalogs, SchemaSet.Load(schemas), new CompilerOptions { AsOf = CalendarDate.Parse(asOf), Strict = strict }).Diagnostics;

        Assert.Equal(expected, built.Select(Format).ToList());

        // Each line the build prints is the very line `evidence validate` prints, message and help link included.
        Assert.Equal(validated.Select(d => d.ToString()), built.Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_compiler_diagnostic_id_surfaces_through_the_generator()
    {
        var covered = Directory.EnumerateDirectories(FixturesRoot)
            .Where(RunsThroughTheGenerator)
            .SelectMany(d => File.ReadAllLines(Path.Combine(d, "expected.txt")))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ').Last())
            .ToHashSet(StringComparer.Ordinal);

        // The limit fixtures need YamlLimits the generator does not expose; their ids go through the same mapping.
        var limitIds = new[] { "EC1001", "EC1002", "EC1003", "EC1008" };
        var missing = DiagnosticDescriptors.ReportedByCompiler.Select(d => d.Id).Where(id => !covered.Contains(id) && !limitIds.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    private static string Format(Microsoft.CodeAnalysis.Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}",
            span.Path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error ? "error" : "warning",
            d.Id);
    }

    private static IEnumerable<SourceFile> Relative(string directory, IEnumerable<string> paths) =>
        paths.OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(Path.GetRelativePath(directory, p).Replace('\\', '/'), File.ReadAllText(p)));

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
