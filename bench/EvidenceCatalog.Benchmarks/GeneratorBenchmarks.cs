using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using EvidenceCatalog.Benchmarks.Generation;
using EvidenceCatalog.Benchmarks.GeneratorRuns;
using Microsoft.CodeAnalysis;

namespace EvidenceCatalog.Benchmarks;

/// <summary>
/// CatalogGenerator in a CSharpGeneratorDriver, in process, JIT warm. The first-run benchmarks build a new driver
/// each invocation, so every pipeline step runs (cold caches); the rerun benchmark keeps one driver and, each
/// invocation, swaps one catalog file for an edited copy (alternating between the two) and runs again, as an IDE
/// does after a keystroke. Step tracking is off, as in a real build.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    /// <summary>The file edited by the rerun benchmarks, and the edit (a control's name: the generated code changes).</summary>
    public const string EditedFile = "controls/access.yaml";
    public const string EditFind = "name: Access enforcement\n";
    public const string EditReplace = "name: Access enforcement (edited)\n";

    private GeneratorInputs sample = null!;
    private GeneratorInputs large = null!;
    private string? largeDirectory;

    private RerunState sampleRerun = null!;
    private RerunState largeRerun = null!;

    [GlobalSetup]
    public void Setup()
    {
        sample = GeneratorInputs.Read(RepositoryLayout.Catalogs, RepositoryLayout.Schemas);

        largeDirectory = Path.Combine(Path.GetTempPath(), "evidencecatalog-genbench-" + Guid.NewGuid().ToString("N"));
        LargeCatalogGenerator.Write(largeDirectory, RepositoryLayout.Catalogs, RepositoryLayout.Schemas, CompilerBenchmarks.LargeVendors, CompilerBenchmarks.LargeControls);
        large = GeneratorInputs.Read(largeDirectory, RepositoryLayout.Schemas);

        GeneratorInputs.RequireClean("sample catalogs", GeneratorFirstRunSample());
        GeneratorInputs.RequireClean("generated catalog", GeneratorFirstRunLarge());

        sampleRerun = new RerunState(sample);
        largeRerun = new RerunState(large);
        GeneratorInputs.RequireClean("sample catalogs, edited", GeneratorRerunAfterOneFileEdit());
        GeneratorInputs.RequireClean("sample catalogs, edited back", GeneratorRerunAfterOneFileEdit());
        GeneratorInputs.RequireClean("generated catalog, edited", GeneratorRerunAfterOneFileEditLarge());
        GeneratorInputs.RequireClean("generated catalog, edited back", GeneratorRerunAfterOneFileEditLarge());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (largeDirectory is not null && Directory.Exists(largeDirectory))
        {
            Directory.Delete(largeDirectory, recursive: true);
        }
    }

    /// <summary>The 10 sample catalogs and 8 schemas, a new driver.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorFirstRunSample() => sample.CreateDriver().RunGenerators(sample.Host);

    /// <summary>The sample + 1,000 vendors + 1,000 controls, a new driver.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorFirstRunLarge() => large.CreateDriver().RunGenerators(large.Host);

    /// <summary>The sample catalogs: one driver already run, one file replaced by an edited copy, run again.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorRerunAfterOneFileEdit() => sampleRerun.EditAndRun();

    /// <summary>The same edit of the same sample file, within the generated set.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorRerunAfterOneFileEditLarge() => largeRerun.EditAndRun();

    /// <summary>A driver that has run once, and the two versions of one file it alternates between.</summary>
    internal sealed class RerunState
    {
        private readonly GeneratorInputs inputs;
        private readonly AdditionalText original;
        private readonly AdditionalText edited;
        private GeneratorDriver driver;
        private bool isEdited;

        public RerunState(GeneratorInputs inputs, bool trackSteps = false)
        {
            this.inputs = inputs;
            original = inputs.FileEndingWith(EditedFile);
            edited = GeneratorInputs.Edited(original, EditFind, EditReplace);
            driver = inputs.CreateDriver(trackSteps).RunGenerators(inputs.Host);
        }

        public GeneratorDriver EditAndRun()
        {
            var (from, to) = isEdited ? (edited, original) : (original, edited);
            driver = driver.ReplaceAdditionalText(from, to).RunGenerators(inputs.Host);
            isEdited = !isEdited;
            return driver;
        }
    }
}
