using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Yaml;

namespace EvidenceCatalog.Compiler;

/// <summary>How a compilation judges the catalogs. The compiler never reads the clock: the as-of date is given.</summary>
public sealed record CompilerOptions
{
    /// <summary>The date review deadlines are judged against; null skips date-based policy checks.</summary>
    public CalendarDate? AsOf { get; init; }

    /// <summary>Warnings become errors (like -warnaserror); see <see cref="Judge"/>.</summary>
    public bool Strict { get; init; }

    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    /// <summary>
    /// The severity a diagnostic is reported with under these options: under <see cref="Strict"/> a warning is an error.
    /// The one place that rule lives; the linker and the generator both report through it.
    /// </summary>
    public CatalogDiagnostic Judge(CatalogDiagnostic diagnostic) =>
        Strict && !diagnostic.IsError ? diagnostic with { Severity = CatalogDiagnosticSeverity.Error } : diagnostic;
}
