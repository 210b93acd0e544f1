using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The strict-mode rule, owned by <see cref="CompilerOptions.Judge"/>: under strict a warning is an error.</summary>
public sealed class StrictModeTests
{
    private static readonly CatalogDiagnostic Warning = CatalogDiagnostic.Create(DiagnosticDescriptors.ControlWithoutEvidence, "controls.yaml", SourceSpan.At(3, 7), "IAM-09");

    private static readonly CatalogDiagnostic Error = CatalogDiagnostic.Create(DiagnosticDescriptors.DuplicateKey, "controls.yaml", SourceSpan.At(4, 5), "name", 3);

    [Fact]
    public void Under_strict_a_warning_is_an_error_with_the_same_id_place_and_message()
    {
        var judged = new CompilerOptions { Strict = true }.Judge(Warning);

        Assert.Equal(Warning with { Severity = CatalogDiagnosticSeverity.Error }, judged);
    }

    [Fact]
    public void Without_strict_a_warning_stays_a_warning()
    {
        Assert.Equal(Warning, new CompilerOptions().Judge(Warning));
    }

    [Fact]
    public void An_error_is_an_error_either_way()
    {
        Assert.Equal(Error, new CompilerOptions { Strict = true }.Judge(Error));
        Assert.Equal(Error, new CompilerOptions().Judge(Error));
    }
}
