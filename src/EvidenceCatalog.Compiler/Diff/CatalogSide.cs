using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>One side of a diff: a catalog set compiled, and where each of its entries is written.</summary>
/// <param name="Name">How the side is named to the user: <c>main</c>, <c>HEAD~1</c>, <c>catalogs</c>.</param>
/// <param name="Model">The compiled model.</param>
/// <param name="Locations">Where each entry is written.</param>
public sealed record CatalogSide(string Name, CatalogModel Model, EntryLocations Locations)
{
    /// <summary>
    /// Compiles a catalog set as <see cref="CatalogCompiler"/> does, keeping the files' source maps for the entries'
    /// locations. The side is null when the set has errors; the result holds them either way.
    /// </summary>
    public static (CatalogSide? Side, CompilationResult Result) Compile(
        string name, IEnumerable<SourceFile> catalogs, SchemaSet schemas, CompilerOptions options, IEnumerable<CatalogDiagnostic> unreadableFiles)
    {
        var loaded = catalogs.Select(file => CatalogFileLoader.Load(file, schemas, options.Limits))
            .Concat(unreadableFiles.Select(CatalogFileLoader.Unreadable))
            .ToList();
        var result = CatalogLinker.Link(loaded, options, schemas.Diagnostics);
        return (result.Succeeded ? new CatalogSide(name, result.Model, new EntryLocations(loaded)) : null, result);
    }
}
