using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Events.Reading;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Sources.Mapping;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// Log source mapping timed against the raw token scan of the same file, in one process, round after round (so every
/// figure shares the machine's load of the moment): the scan (<see cref="TokenScan"/>); the mapped source read as
/// ingestion reads it (<see cref="MappedJsonSource.ReadAsync"/>: mapping, the record's canonical hash for its
/// attributes, validation, de-duplication) into a sink that drops the events, which is what <c>evidence ingest
/// --source</c> will pay before the store; and the whole <see cref="ReportJob"/> over the mapped source, as
/// <c>evidence report --events FILE --source ID</c> will run it. With <c>--breakdown</c>, the layers of the mapping alone,
/// on one thread: framing; the old parse into a token table (for comparison: the mapper now builds one only for the
/// canonical hash of records that map); the mapper (one reader pass per record, the canonical hash of mapped records).
/// Each run is timed on the wall clock and by the CPU time of the process (all its threads): on a machine shared with
/// other builds the wall clock swings with their load, while CPU time shows the work done, so ratios are given on both.
/// </summary>
internal static class MappingRuns
{
    public static int Run(string path, int rounds, bool breakdown)
    {
        var catalog = LargeReport.SampleCatalog();
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var cpu = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        long records = 0;
        for (int round = 1; round <= rounds; round++)
        {
            records = Time(times, cpu, "raw token scan", () => TokenScan.Scan(path).Objects);
            Time(times, cpu, "mapped, as ingestion reads (attributes, dropped)", () => Ingest(catalog, path));
            Time(times, cpu, "report job over the mapped source", () => Report(catalog, path));
            if (breakdown)
            {
                Time(times, cpu, "  framing alone (JSON Lines)", () => Layers(path, Layer.Framing));
                Time(times, cpu, "  + parse, canonicalizer's scanner", () => Layers(path, Layer.ParseWithScanner));
                Time(times, cpu, "  + parse, Utf8JsonReader into the token table", () => Layers(path, Layer.Parse));
                Time(times, cpu, "  + pointer walk, Utf8JsonReader (the fallback)", () => Layers(path, Layer.WalkWithReader));
                Time(times, cpu, "  + pointer walk, RecordScanner (the fast path)", () => Layers(path, Layer.Walk));
                Time(times, cpu, "  + map, one thread (no attributes)", () => Layers(path, Layer.Map));
                Time(times, cpu, "  + map, one thread, attributes written", () => Layers(path, Layer.MapWithAttributes));
            }
        }

        Console.WriteLine(Invariant($"{records:N0} records, {new FileInfo(path).Length / 1e6:F0} MB; median of {rounds} rounds; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        foreach (var (label, table) in new[] { ("wall", times), ("cpu", cpu) })
        {
            double scan = Median(table["raw token scan"]);
            foreach (var (what, runs) in table)
            {
                double median = Median(runs);
                Console.WriteLine(Invariant($"{label,-4} {what,-52} median {median,7:F3} s  {records / median,12:N0} records/s  {median / scan,5:F2} x scan   runs {string.Join(" ", runs.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}"));
            }
        }

        return 0;
    }

    /// <summary>
    /// The mapping layer alone (or, with <paramref name="ingest"/>, the whole read as ingestion does it; with
    /// <paramref name="walk"/>, the fast pointer walk alone), twice, and
    /// nothing else in the process: for a profiler (<c>perf record</c>).
    /// </summary>
    public static int Profile(string path, bool ingest, bool walk)
    {
        var catalog = LargeReport.SampleCatalog();
        for (int pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long records = ingest ? Ingest(catalog, path) : Layers(path, walk ? Layer.Walk : Layer.MapWithAttributes);
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(Invariant($"mapped {records} records in {clock.Elapsed.TotalSeconds:F3} s ({cpuSeconds:F3} s of CPU)"));
        }

        return 0;
    }

    private static long Ingest(IEvidenceCatalog catalog, string path)
    {
        var reader = new EventStreamReader(new EventVocabulary(catalog), LargeReport.Now);
        var source = new MappedJsonSource(CloudTrail(catalog), JsonLinesInput.File(path));
        var inputs = source.ReadAsync(reader, new SingleSinkReceiver(new DroppingSink()), null, default).GetAwaiter().GetResult();
        Print("ingest", inputs[0].Counts);
        return inputs[0].Counts.Read;
    }

    private static long Report(IEvidenceCatalog catalog, string path)
    {
        var job = new ReportJob(catalog, new ReportOptions
        {
            Account = LargeReport.Account,
            From = new CalendarDate(2026, 1, 1),
            To = new CalendarDate(2026, 3, 31),
            Clock = new LargeReport.FixedClock(LargeReport.Now),
        });
        var result = job.RunAsync(new MappedJsonSource(CloudTrail(catalog), JsonLinesInput.File(path))).GetAwaiter().GetResult();
        var ingestion = result.Report.Meta.Ingestion!;
        Console.WriteLine(Invariant($"    report: read {ingestion.Read} accepted {ingestion.Accepted} in window {ingestion.InWindow} unmapped {ingestion.Unmapped} rejected {ingestion.Rejected}; {result.Json.Length} bytes of report"));
        return ingestion.Read;
    }

    /// <summary>The shipped AWS CloudTrail source of the sample organisation (catalogs/sources/aws-cloudtrail.yaml), as the CLI's <c>--source aws-cloudtrail</c> reads it.</summary>
    private static LogSource CloudTrail(IEvidenceCatalog catalog) => catalog.Model.Sources.Single(s => s.Id == "aws-cloudtrail");

    private enum Layer
    {
        Framing,
        ParseWithScanner,
        Parse,
        WalkWithReader,
        Walk,
        Map,
        MapWithAttributes,
    }

    private static long Layers(string path, Layer layer)
    {
        var mapper = new RecordMapper(CloudTrail(LargeReport.SampleCatalog()));
        var tokens = new JsonToken[256];
        var found = new FoundValue[mapper.Pointers.Count];
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var framer = new JsonLinesFramer(input);
        long count = 0;
        while (framer.Next(out var line))
        {
            count++;
            switch (layer)
            {
                case Layer.ParseWithScanner:
                    JsonTokenTable.Parse(line.Text);
                    break;
                case Layer.Parse:
                    RecordTokens.Parse(line.Text, ref tokens, RecordMapper.MaxDepth);
                    break;
                case Layer.WalkWithReader:
                    mapper.Pointers.ReadWithReader(line.Text, RecordMapper.MaxDepth, found, out _);
                    break;
                case Layer.Walk:
                    if (!mapper.Pointers.TryScan(line.Text, RecordMapper.MaxDepth, found, out _, out _))
                    {
                        throw new InvalidOperationException("the fast walk left record " + count + " to the reader");
                    }

                    break;
                case Layer.Map or Layer.MapWithAttributes:
                    mapper.Map(line.Text, layer == Layer.MapWithAttributes, out _, out _, out _);
                    break;
            }
        }

        return count;
    }

    private static void Print(string what, IngestionCounts counts) =>
        Console.WriteLine(Invariant($"    {what}: read {counts.Read} accepted {counts.Accepted} duplicates {counts.Duplicates} unmapped {counts.Unmapped} rejected {counts.Rejected}; top unmapped {string.Join(", ", counts.UnmappedByName.Top(3).Top.Select(n => n.Name + " " + n.Count.ToString(CultureInfo.InvariantCulture)))}"));

    private static long Time(Dictionary<string, List<double>> times, Dictionary<string, List<double>> cpu, string what, Func<long> run)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        int gen0 = GC.CollectionCount(0);
        int gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        long count = run();
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Add(times, what, seconds);
        Add(cpu, what, cpuSeconds);
        Console.WriteLine(Invariant(
            $"{what,-52} {seconds,7:F3} s wall {cpuSeconds,7:F3} s cpu   allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e6,6:F0} MB  GCs {GC.CollectionCount(0) - gen0} (gen2 {GC.CollectionCount(2) - gen2})  peak working set {process.PeakWorkingSet64 / 1e6:F0} MB  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return count;
    }

    private static void Add(Dictionary<string, List<double>> table, string what, double value)
    {
        if (!table.TryGetValue(what, out var list))
        {
            table[what] = list = [];
        }

        list.Add(value);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class DroppingSink : IEventSink
    {
        public EventVerdict Accept(in EventRecord record) => EventVerdict.Accepted;
    }
}
