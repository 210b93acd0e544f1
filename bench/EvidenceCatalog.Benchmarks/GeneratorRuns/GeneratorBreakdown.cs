using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Benchmarks.Generation;
using Microsoft.CodeAnalysis;

namespace EvidenceCatalog.Benchmarks.GeneratorRuns;

/// <summary>
/// Where a generator run spends its time, in a fresh process: Stopwatch around each run, and the driver's own
/// per-step times (GetRunResult().Results[0].TrackedSteps[name][i].ElapsedTime, summed over the step's entries).
/// The first run of the process includes JIT and the one-time loading of the generator's dependencies.
/// </summary>
internal static class GeneratorBreakdown
{
    public static int Run(bool large)
    {
        string? temp = null;
        try
        {
            var clock = Stopwatch.StartNew();
            string catalogs = RepositoryLayout.Catalogs;
            if (large)
            {
                temp = Path.Combine(Path.GetTempPath(), "evidencecatalog-breakdown-" + Guid.NewGuid().ToString("N"));
                LargeCatalogGenerator.Write(temp, RepositoryLayout.Catalogs, RepositoryLayout.Schemas, CompilerBenchmarks.LargeVendors, CompilerBenchmarks.LargeControls);
                catalogs = temp;
            }

            var inputs = GeneratorInputs.Read(catalogs, RepositoryLayout.Schemas);
            long bytes = inputs.Texts.Sum(t => (long)t.GetText()!.Length);
            Console.WriteLine(Invariant($"{(large ? "generated set" : "sample catalogs")}: {inputs.Texts.Length} files, {bytes / 1024} KiB (setup {clock.ElapsedMilliseconds} ms, not counted)"));

            Report("first run in this process (JIT cold)", () => inputs.CreateDriver(trackSteps: true).RunGenerators(inputs.Host));
            for (int i = 2; i <= 3; i++)
            {
                Report($"first run of a new driver #{i} (JIT warm)", () => inputs.CreateDriver(trackSteps: true).RunGenerators(inputs.Host));
            }

            var rerun = new GeneratorBenchmarks.RerunState(inputs, trackSteps: true);
            for (int i = 1; i <= 3; i++)
            {
                Report($"rerun after editing {GeneratorBenchmarks.EditedFile} #{i}", rerun.EditAndRun);
            }

            return 0;
        }
        finally
        {
            if (temp is not null && Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static void Report(string what, Func<GeneratorDriver> run)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var driver = run();
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        GeneratorInputs.RequireClean(what, driver);
        var result = driver.GetRunResult().Results[0];
        var timing = driver.GetTimingInfo();
        Console.WriteLine();
        Console.WriteLine(Invariant($"-- {what}: Stopwatch {Ms(clock.Elapsed)}, driver {Ms(timing.ElapsedTime)}, generator {Ms(timing.GeneratorTimes[0].ElapsedTime)}, {allocated / (1024 * 1024)} MB allocated on this thread"));
        Console.WriteLine("   step                  entries  ran  cached/unchanged   elapsed");
        var stepsTotal = TimeSpan.Zero;
        foreach (var (name, steps) in result.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var elapsed = TimeSpan.FromTicks(steps.Sum(s => s.ElapsedTime.Ticks));
            int ran = steps.Count(s => s.Outputs.Any(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified));
            int kept = steps.Count(s => s.Outputs.All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
            stepsTotal += elapsed;
            Console.WriteLine(Invariant($"   {name,-22} {steps.Length,7} {ran,4} {kept,17} {Ms(elapsed),10}"));
            if (name == "LoadedCatalogFile" && ran > 1)
            {
                // In run order; the first one also loads the schema set (SchemaSetInput.Schemas is lazy).
                var each = steps.Select(s => (s.ElapsedTime.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture), Outputs: s.Outputs))
                    .Where(s => s.Outputs.Any(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
                    .Select(s => s.Item1);
                Console.WriteLine("     each file, ms: " + string.Join(" ", each));
            }
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            Console.WriteLine(Invariant($"   output {name,-15} {steps.Length,7} {"",4} {"",17} {Ms(TimeSpan.FromTicks(steps.Sum(s => s.ElapsedTime.Ticks))),10}"));
        }

        Console.WriteLine(Invariant($"   named steps together: {Ms(stepsTotal)}; the rest of the generator time (source outputs: Scriban emit, AddSource, parsing the {result.GeneratedSources.Length} generated files; unnamed steps) {Ms(timing.GeneratorTimes[0].ElapsedTime - stepsTotal)}"));
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
