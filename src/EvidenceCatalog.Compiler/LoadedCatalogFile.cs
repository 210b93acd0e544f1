using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler;

/// <summary>
/// One catalog file loaded and schema-validated on its own: its kind, what it declares (null when the file has
/// errors, so that nothing half-read enters the model), where each value was written, and its diagnostics.
/// </summary>
public sealed record LoadedCatalogFile(
    string Path,
    string? Kind,
    CatalogFragment? Fragment,
    SourceMap Spans,
    EquatableArray<CatalogDiagnostic> Diagnostics);
