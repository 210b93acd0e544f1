using System.Collections.Immutable;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Generator.Diagnostics;

/// <summary>
/// The conditions only the generator reports (the compiler's own are in <see cref="DiagnosticDescriptors"/>).
/// Ids are stable, in the 5xxx block; each has a page in <c>docs/diagnostics/</c> and a line in AnalyzerReleases.
/// </summary>
internal static class GeneratorDiagnosticDescriptors
{
    private const string Generator = "Generator";

    public static readonly CatalogDiagnosticDescriptor IdentifierCollision = new(
        "EC5001", "Generated identifier collision", Generator, CatalogDiagnosticSeverity.Warning,
        "the {0} id '{1}' becomes the C# name '{2}' in {3}, which {4} already takes; it is generated as '{5}'. Change the id so that its C# name is its own",
        "Ids become C# member names: case, '-', '.' and ':' are folded, so two different ids can meet on one name. The later one is renamed with a numeric suffix, which moves if the catalog changes: give it an id whose C# name is unique.");

    public static readonly CatalogDiagnosticDescriptor InvalidBuildProperty = new(
        "EC5002", "Invalid build property", Generator, CatalogDiagnosticSeverity.Error,
        "the build property {0} is '{1}', which is not {2}; {3}",
        "Fix the property in the project file, a Directory.Build.props or the command line (-p:NAME=VALUE).");

    public static readonly CatalogDiagnosticDescriptor FileUnreadable = new(
        "EC5003", "Catalog file cannot be read", Generator, CatalogDiagnosticSeverity.Error,
        "the compiler could not read this file; check that it exists and is readable",
        "The file is listed as an AdditionalFiles item of the catalogs but the compiler got no text for it. Check the path and the file's permissions.");

    public static readonly CatalogDiagnosticDescriptor FileNotUtf8 = new(
        "EC5004", "File is not UTF-8", Generator, CatalogDiagnosticSeverity.Error,
        "this file is not valid UTF-8 (the C# compiler read it as {0}); save it as UTF-8",
        "Catalog and schema files are UTF-8 (a byte order mark is allowed). Re-save the file as UTF-8; `evidence validate` shows the first invalid byte.");

    public static readonly CatalogDiagnosticDescriptor GenerationFailed = new(
        "EC5005", "Code generation failed", Generator, CatalogDiagnosticSeverity.Error,
        "the code for {0} could not be generated: {1}",
        "An internal error of the generator: the catalog was valid but a template failed. Report it with the catalog that triggers it.");

    public static ImmutableArray<CatalogDiagnosticDescriptor> All { get; } =
        ImmutableArray.Create(IdentifierCollision, InvalidBuildProperty, FileUnreadable, FileNotUtf8, GenerationFailed);
}
