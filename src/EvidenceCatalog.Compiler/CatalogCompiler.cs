using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Compiler;

/// <summary>
/// The whole compilation in one call: each file loaded and validated on its own (<see cref="CatalogFileLoader"/>),
/// then cross-checked and joined (<see cref="CatalogLinker"/>). Pure: reads no file, clock or environment.
/// </summary>
public static class CatalogCompiler
{
    public static CompilationResult Compile(IEnumerable<SourceFile> catalogs, SchemaSet schemas, CompilerOptions options) =>
        Compile(catalogs, schemas, options, Enumerable.Empty<CatalogDiagnostic>());

    /// <summary>
    /// Compiles <paramref name="catalogs"/>; <paramref name="unreadableFiles"/> are the diagnostics of catalog files
    /// that could not be decoded (see <see cref="Yaml.SourceDecoder"/>). They are reported with the rest, and
    /// their presence stops reference checks that such a file might have satisfied.
    /// </summary>
    public static CompilationResult Compile(IEnumerable<SourceFile> catalogs, SchemaSet schemas, CompilerOptions options, IEnumerable<CatalogDiagnostic> unreadableFiles)
    {
        var loaded = catalogs.Select(file => CatalogFileLoader.Load(file, schemas, options.Limits))
            .Concat(unreadableFiles.Select(CatalogFileLoader.Unreadable))
            .ToList();
        return CatalogLinker.Link(loaded, options, schemas.Diagnostics);
    }
}
