using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Compiler;

/// <summary>
/// The whole compilation in one call: each file loaded and validated on its own (<see cref="CatalogFileLoader"/>),
/// then cross-checked and joined (<see cref="CatalogLinker"/>). Pure: reads no file, clock or environment.
/// </summary>
public static class CatalogCompiler
{
    public static CompilationResult Compile(IEnumerable<SourceFile> catalogs, SchemaSet schemas, CompilerOptions options)
    {
        var loaded = catalogs.Select(file => CatalogFileLoader.Load(file, schemas, options.Limits)).ToList();
        return CatalogLinker.Link(loaded, options, schemas.Diagnostics);
    }
}
