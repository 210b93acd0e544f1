using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Checks;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler;

/// <summary>Joins files loaded one by one into the model, after the checks that need them all.</summary>
public static class CatalogLinker
{
    public static CompilationResult Link(IEnumerable<LoadedCatalogFile> loadedFiles, CompilerOptions options, IEnumerable<CatalogDiagnostic>? schemaDiagnostics = null)
    {
        var files = loadedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var context = new CheckContext(files, options);
        UniqueIdCheck.Run(context);
        ReferenceCheck.Run(context);
        SourceCheck.Run(context);
        PolicyCheck.Run(context);
        StalenessCheck.Run(context);

        var model = CatalogModel.FromFragments(files.Where(f => f.Fragment is not null).Select(f => f.Fragment!));
        var diagnostics = CatalogDiagnostic.Sort((schemaDiagnostics ?? Enumerable.Empty<CatalogDiagnostic>())
            .Concat(files.SelectMany(f => f.Diagnostics))
            .Concat(context.Diagnostics)
            .Select(options.Judge)
            .Distinct()); // a schema's keyword may be reported by every file that meets it (EC2109)
        return new CompilationResult(model, diagnostics);
    }
}
