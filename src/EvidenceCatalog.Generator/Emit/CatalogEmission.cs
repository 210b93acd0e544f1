using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Emit.Specs;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>The emission model and the diagnostics found while naming (EC5001), kept apart by the pipeline's next steps.</summary>
internal sealed record CatalogEmission(CatalogSpec Spec, EquatableArray<CatalogDiagnostic> Diagnostics);
