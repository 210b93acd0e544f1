using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using EvidenceCatalog.Benchmarks.Generation;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Benchmarks;

/// <summary>
/// The compiler in process, warm: files are read once in setup, so these measure YAML loading, schema validation,
/// cross-file checks and the model, not the disk. Process start and JIT are measured by bench/validate-end-to-end.sh.
/// </summary>
[MemoryDiagnoser]
public class CompilerBenchmarks
{
    public const int LargeVendors = 1000;
    public const int LargeControls = 1000;

    private static readonly CompilerOptions Options = new() { AsOf = new CalendarDate(2026, 11, 23) };

    private ImmutableArray<SourceFile> sampleCatalogs;
    private ImmutableArray<SourceFile> largeCatalog;
    private ImmutableArray<SourceFile> schemaFiles;
    private string? largeDirectory;

    [GlobalSetup]
    public void Setup()
    {
        sampleCatalogs = CatalogSources.Read(RepositoryLayout.Catalogs, RepositoryLayout.Root);

        largeDirectory = Path.Combine(Path.GetTempPath(), "evidencecatalog-bench-" + Guid.NewGuid().ToString("N"));
        LargeCatalogGenerator.Write(largeDirectory, RepositoryLayout.Catalogs, RepositoryLayout.Schemas, LargeVendors, LargeControls);
        largeCatalog = CatalogSources.Read(largeDirectory, largeDirectory);

        schemaFiles = SchemaSet.EmbeddedFiles();

        // A benchmark of a compilation that fails early would measure the wrong thing.
        RequireClean("sample catalogs", CompileSampleCatalogs());
        RequireClean("generated catalog", CompileLargeCatalog());
        var schemas = LoadEmbeddedSchemas();
        if (schemas.Diagnostics.Length > 0 || schemas.Kinds.Length != schemaFiles.Length)
        {
            throw new InvalidOperationException("the embedded schemas do not load cleanly:\n" + string.Join("\n", schemas.Diagnostics));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (largeDirectory is not null && Directory.Exists(largeDirectory))
        {
            Directory.Delete(largeDirectory, recursive: true);
        }
    }

    [Benchmark]
    public CompilationResult CompileSampleCatalogs() => CatalogCompiler.Compile(sampleCatalogs, SchemaSet.Embedded, Options);

    [Benchmark]
    public CompilationResult CompileLargeCatalog() => CatalogCompiler.Compile(largeCatalog, SchemaSet.Embedded, Options);

    [Benchmark]
    public SchemaSet LoadEmbeddedSchemas() => SchemaSet.Load(schemaFiles);

    private static void RequireClean(string what, CompilationResult result)
    {
        if (result.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException(what + " must compile with no diagnostics:\n" + string.Join("\n", result.Diagnostics.Take(20)));
        }
    }
}
