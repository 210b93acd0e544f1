using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler;

/// <summary>
/// One catalog file loaded and schema-validated on its own: its kind, what it declares, where each value was written
/// (pointers follow the fragment's positions), and its diagnostics. A file with errors declares only its entries that
/// have none (see <see cref="ValidEntries"/>), or nothing when an error lies outside every entry, so that nothing
/// half-read enters the model.
/// </summary>
public sealed record LoadedCatalogFile(
    string Path,
    string? Kind,
    CatalogFragment? Fragment,
    SourceMap Spans,
    EquatableArray<CatalogDiagnostic> Diagnostics);
