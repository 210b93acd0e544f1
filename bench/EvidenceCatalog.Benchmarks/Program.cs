using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using EvidenceCatalog.Benchmarks;
using EvidenceCatalog.Benchmarks.Generation;
using EvidenceCatalog.Benchmarks.Runtime;

const string Usage = """
    usage:
      EvidenceCatalog.Benchmarks generate OUTDIR [--vendors N] [--controls N]
          Copies the repository's catalogs/ to OUTDIR (empty or absent) and adds
          vendors/generated-vendors.yaml and controls/generated-controls.yaml (default 1000 each).
      EvidenceCatalog.Benchmarks bench [BenchmarkDotNet arguments]
          Runs the compiler and generator benchmarks (all of them when no --filter is given).
      EvidenceCatalog.Benchmarks generator-breakdown [--large]
          Runs the catalog generator in this fresh process and prints Stopwatch and per-step times
          (first run with JIT cold, new drivers with JIT warm, reruns after a one-file edit).
      EvidenceCatalog.Benchmarks scan FILE
          Reads a JSON Lines file in 1 MiB blocks through one Utf8JsonReader (multiple values, state carried
          across blocks), counting tokens and top-level objects: the raw-parse baseline of 'evidence report'.
      EvidenceCatalog.Benchmarks report-breakdown FILE
          Times, in one process, the token scan, the event reader alone, reader + tally + report, and the
          duplicate-check table alone, each twice (see Runtime/ReportBreakdown.cs).
      EvidenceCatalog.Benchmarks store-scan DB
          Times the store's pushed-down aggregation against one ordered pass over its covering index
          into the tally (see Runtime/StoreScan.cs).
      EvidenceCatalog.Benchmarks duplicate-check FILE [N]
          Times the duplicate-check table between parses of the file's lines, with and without a
          prefetch of its slot (default N = 10,000,000; see Runtime/DuplicateCheckExperiment.cs).
      EvidenceCatalog.Benchmarks generate-cloudtrail FILE [--records N] [--seed S]
          Writes CloudTrail-shaped JSON Lines (default 1,000,000 records, seed 1; see Generation/CloudTrailGenerator.cs).
      EvidenceCatalog.Benchmarks map FILE [--rounds N] [--breakdown]
          Times, in one process and N rounds (default 3), the token scan of a CloudTrail JSON Lines file, its mapping
          as ingestion reads it, and the report job over it; --breakdown adds the layers of the mapping
          (see Runtime/MappingRuns.cs).
      EvidenceCatalog.Benchmarks map-profile FILE [--ingest | --walk]
          The mapping layer alone (--ingest: the whole read as ingestion does it), twice, for perf record.
      EvidenceCatalog.Benchmarks large-report FILE
          Writes the ~100 MB unsigned report the signing benchmarks use (see Runtime/LargeReport.cs).
      EvidenceCatalog.Benchmarks workpaper-render HTML [--runs N] [--chromium PATH]
          Opens an HTML workpaper from disk in headless Chromium N times (default 5; /usr/bin/chromium) and prints
          the medians of first contentful paint, DOMContentLoaded, load and Verify (see Runtime/WorkpaperRender.cs).
    """;

try
{
    return args.FirstOrDefault() switch
    {
        "generate" => Generate(args.Skip(1).ToArray()),
        "bench" => Bench(args.Skip(1).ToArray()),
        "generator-breakdown" when args.Length == 1 || (args.Length == 2 && args[1] == "--large") =>
            EvidenceCatalog.Benchmarks.GeneratorRuns.GeneratorBreakdown.Run(large: args.Length == 2),
        "scan" when args.Length == 2 => TokenScan.Run(args[1]),
        "report-breakdown" when args.Length == 2 => ReportBreakdown.Run(args[1]),
        "store-scan" when args.Length == 2 => StoreScan.Run(args[1]),
        "duplicate-check" when args.Length is 2 or 3 =>
            DuplicateCheckExperiment.Run(args[1], args.Length == 3 ? Count(args[2]) : 10_000_000),
        "large-report" when args.Length == 2 => WriteLargeReport(args[1]),
        "workpaper-render" when args.Length >= 2 => WorkpaperRender.Run(args[1], OptionText(args, "--chromium", "/usr/bin/chromium"), Option(args, "--runs", 5)),
        "generate-cloudtrail" when args.Length >= 2 => GenerateCloudTrail(args[1], Option(args, "--records", 1_000_000), Option(args, "--seed", 1)),
        "map-profile" when args.Length >= 2 => MappingRuns.Profile(args[1], args.Contains("--ingest"), args.Contains("--walk")),
        "map" when args.Length >= 2 => MappingRuns.Run(args[1], Option(args, "--rounds", 3), args.Contains("--breakdown")),
        _ => Fail("expected a command"),
    };
}
catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}

static int Generate(string[] args)
{
    string? output = null;
    int vendors = CompilerBenchmarks.LargeVendors;
    int controls = CompilerBenchmarks.LargeControls;
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--vendors" when i + 1 < args.Length:
                vendors = Count(args[++i]);
                break;
            case "--controls" when i + 1 < args.Length:
                controls = Count(args[++i]);
                break;
            case var path when output is null && !path.StartsWith("--", StringComparison.Ordinal):
                output = path;
                break;
            default:
                return Fail("unexpected argument '" + args[i] + "'");
        }
    }

    if (output is null)
    {
        return Fail("generate needs OUTDIR");
    }

    var set = LargeCatalogGenerator.Write(output, RepositoryLayout.Catalogs, RepositoryLayout.Schemas, vendors, controls);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {set.Directory}: {set.Files} files, {set.Vendors} generated vendors, {set.Controls} generated controls"));
    return 0;
}

static int Bench(string[] args)
{
    // With no filter BenchmarkDotNet would ask on the console which benchmarks to run.
    string[] benchmarkArgs = args.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h") ? args : [.. args, "--filter", "*"];

    // Results go under bench/ whatever the working directory (the folder is ignored by git).
    if (!args.Any(a => a is "--artifacts" or "-a"))
    {
        benchmarkArgs = [.. benchmarkArgs, "--artifacts", Path.Combine(RepositoryLayout.Root, "bench", "BenchmarkDotNet.Artifacts")];
    }
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(CompilerBenchmarks).Assembly).Run(benchmarkArgs).ToList();
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int WriteLargeReport(string path)
{
    byte[] report = LargeReport.Build();
    File.WriteAllBytes(path, report);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {report.Length} bytes"));
    return 0;
}

static int GenerateCloudTrail(string path, int records, int seed)
{
    CloudTrailGenerator.Write(path, records, seed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {records} CloudTrail records, {new FileInfo(path).Length} bytes"));
    return 0;
}

static int Option(string[] args, string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at < 0 ? fallback : at + 1 < args.Length ? Count(args[at + 1]) : throw new ArgumentException(name + " needs a value");
}

static string OptionText(string[] args, string name, string fallback)
{
    int at = Array.IndexOf(args, name);
    return at < 0 ? fallback : at + 1 < args.Length ? args[at + 1] : throw new ArgumentException(name + " needs a value");
}

static int Count(string text) =>
    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw new ArgumentException("'" + text + "' is not a count");

static int Fail(string message)
{
    Console.Error.WriteLine("error: " + message);
    Console.Error.WriteLine(Usage);
    return 2;
}
