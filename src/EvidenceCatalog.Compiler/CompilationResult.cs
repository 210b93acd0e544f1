using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler;

/// <summary>What a compilation produced: the model of everything that was good, and every diagnostic, sorted.</summary>
public sealed record CompilationResult(CatalogModel Model, ImmutableArray<CatalogDiagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    public bool Succeeded => ErrorCount == 0;
}
