using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvidenceCatalog.Generator.Tests.Infrastructure;

/// <summary>A diagnostic fixture built as <c>dotnet build</c> would build it: its files as AdditionalFiles, its options as build properties.</summary>
internal static class FixtureBuild
{
    private static readonly UTF8Encoding Utf8WithReplacement = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Whether a build can give what the compiler gives: the YAML limits are the defaults and every file is UTF-8.</summary>
    public static bool MatchesTheCompiler(DiagnosticFixture fixture) =>
        !fixture.ChangesLimits && fixture.OwnCatalogFiles().All(f => IsUtf8(f.Bytes));

    public static ImmutableArray<Diagnostic> Run(DiagnosticFixture fixture)
    {
        var harness = new GeneratorHarness()
            .WithOption("EvidenceCatalogAsOf", fixture.AsOf.ToString())
            .WithOption("EvidenceCatalogStrict", fixture.Strict ? "true" : "false")
            .WithSchemas(fixture.SchemaFiles())
            .WithCatalogs(fixture.SampleCatalogs())
            .WithCatalogs(fixture.OwnCatalogFiles().Select(f => new SourceFile(f.Path, AsTheCompilerReadsIt(f.Bytes))));
        foreach (var option in fixture.Options.Where(o => o.Key.StartsWith("EvidenceCatalog", StringComparison.Ordinal)))
        {
            harness.WithOption(option.Key, option.Value);
        }

        if (fixture.Options.TryGetValue("missing", out var missing))
        {
            harness.WithMissingCatalog(missing);
        }

        return harness.Run().Diagnostics;
    }

    /// <summary>The line <c>dotnet build</c> prints: the C# compiler's, which MSBuild prefixes with <c>CSC : </c> when it names no file.</summary>
    public static string BuildLine(Diagnostic diagnostic) =>
        (diagnostic.Location == Location.None ? "CSC : " : string.Empty) + CSharpDiagnosticFormatter.Instance.Format(diagnostic, CultureInfo.InvariantCulture);

    /// <summary>A diagnostic in the form expected.txt uses: <c>file(line,col): severity ID</c>, or <c>severity ID</c> about no file.</summary>
    public static string ExpectedForm(Diagnostic diagnostic)
    {
        string severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error " : "warning ";
        if (diagnostic.Location == Location.None)
        {
            return severity + diagnostic.Id;
        }

        var span = diagnostic.Location.GetLineSpan();
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3}{4}", span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, severity, diagnostic.Id);
    }

    /// <summary>As the C# compiler on Linux hands an additional file over: UTF-8, each invalid byte replaced with U+FFFD.</summary>
    private static string AsTheCompilerReadsIt(byte[] bytes) => Utf8WithReplacement.GetString(bytes).TrimStart('\uFEFF');

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
