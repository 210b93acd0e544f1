using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// Where <c>evidence report --events FILE</c> spends its time, in one process, each phase run twice (the first with JIT
/// and tiering, the second warm): the raw token scan; <see cref="EventStreamReader"/> alone (validation, catalog lookups,
/// duplicate check) into a sink that drops every event; the whole <see cref="ReportJob"/> (the reader into the tally,
/// the sections, serialization), as the CLI runs it; and the duplicate-check table alone (<see cref="EventIdSet"/>, as many
/// random 64-bit hashes as the file has events). Window and account as in bench/runtime-end-to-end.sh.
/// </summary>
internal static class ReportBreakdown
{
    public static int Run(string path)
    {
        var catalog = LargeReport.SampleCatalog();
        long events = 0;
        for (int pass = 1; pass <= 2; pass++)
        {
            string label = pass == 1 ? "first" : "second";
            events = Measure($"token scan ({label})", () => TokenScan.Scan(path).Objects);
            Measure($"reader, events dropped ({label})", () =>
            {
                var counter = new IngestionCounter();
                var reader = new EventStreamReader(new EventVocabulary(catalog), LargeReport.Now);
                using var input = Open(path);
                reader.Read(input, path, new DroppingSink(), counter);
                return counter.Accepted;
            });
            Measure($"reader + tally + report ({label})", () =>
            {
                var job = new ReportJob(catalog, new ReportOptions
                {
                    Account = LargeReport.Account,
                    From = new CalendarDate(2026, 1, 1),
                    To = new CalendarDate(2026, 4, 10),
                    Clock = new LargeReport.FixedClock(LargeReport.Now),
                });
                var result = job.RunAsync(new JsonLinesSource(JsonLinesInput.File(path))).GetAwaiter().GetResult();
                return result.Json.Length > 0 ? result.Report.Meta.Ingestion!.InWindow : 0;
            });
            long count = events;
            Measure($"duplicate-check table alone, {count} random hashes ({label})", () =>
            {
                var set = new EventIdSet();
                ulong state = 1;
                for (long i = 0; i < count; i++)
                {
                    set.Add(SplitMix64(ref state));
                }

                return set.Count;
            });
        }

        Console.WriteLine(Invariant($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        return 0;
    }

    private static long Measure(string what, Func<long> run)
    {
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int gen0 = GC.CollectionCount(0);
        int gen1 = GC.CollectionCount(1);
        int gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        long count = run();
        double seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(Invariant(
            $"{what,-70} {seconds,7:F3} s  {count / seconds,12:N0} /s  allocated {allocated / 1048576.0,8:F1} MB  GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}"));
        return count;
    }

    // As the CLI opens event files: no FileStream buffer (the reader reads 1 MiB blocks), sequential access.
    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class DroppingSink : IEventSink
    {
        public EventVerdict Accept(in EventRecord record) => EventVerdict.Accepted;
    }
}
