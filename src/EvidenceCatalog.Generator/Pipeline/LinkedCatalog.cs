using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Pipeline;

/// <summary>
/// The catalog after the cross-file checks: the model of everything that was valid, every compiler diagnostic, and
/// the loaded files (ordered by path, as the model is) so later steps can point at where an entry was declared.
/// </summary>
internal sealed record LinkedCatalog(CatalogModel Model, EquatableArray<CatalogDiagnostic> Diagnostics, EquatableArray<LoadedCatalogFile> Files);
