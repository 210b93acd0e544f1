using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class SummaryLineTests
{
    [Theory]
    [InlineData(8, 2, 1, "8 files checked: 2 errors, 1 warning.")]
    [InlineData(1, 1, 2, "1 file checked: 1 error, 2 warnings.")]
    [InlineData(8, 0, 0, "8 files checked: no errors, no warnings.")]
    [InlineData(0, 0, 0, "0 files checked: no errors, no warnings.")]
    [InlineData(3, 0, 1, "3 files checked: no errors, 1 warning.")]
    [InlineData(3, 5, 0, "3 files checked: 5 errors, no warnings.")]
    public void Summary_counts_files_errors_and_warnings_in_singular_or_plural(int files, int errors, int warnings, string expected)
    {
        var diagnostics = Enumerable.Repeat(CatalogDiagnosticSeverity.Error, errors)
            .Concat(Enumerable.Repeat(CatalogDiagnosticSeverity.Warning, warnings))
            .Select((severity, i) => new CatalogDiagnostic("EC9999", severity, "f.yaml", SourceSpan.At(i + 1, 1), "m"));

        Assert.Equal(expected, SummaryLine.For(new ValidationReport(files, diagnostics)));
    }
}
