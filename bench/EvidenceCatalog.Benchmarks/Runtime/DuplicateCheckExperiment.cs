using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// How much the duplicate check (<see cref="EventIdSet"/>, one random probe into a table of 8 bytes × 4/3 per event) costs
/// when it sits between parses, as in <see cref="EventStreamReader"/>, and whether prefetching the slot before the parse
/// hides it. Each variant handles N events: tokenize one of the file's first 4,096 lines with a Utf8JsonReader (the
/// parse stands in for the reader's own work), then add a random 64-bit hash: (a) parse only; (b) parse, then
/// <see cref="EventIdSet.Add"/>; (c) hash and <see cref="EventIdSet.Prefetch"/> first, then parse, then add (what the reader does).
/// </summary>
internal static class DuplicateCheckExperiment
{
    public static int Run(string path, long count)
    {
        var lines = new List<byte[]>();
        foreach (string line in File.ReadLines(path))
        {
            lines.Add(System.Text.Encoding.UTF8.GetBytes(line));
            if (lines.Count == 4096)
            {
                break;
            }
        }

        for (int pass = 1; pass <= 2; pass++)
        {
            Measure($"(a) parse only #{pass}", count, () =>
            {
                long tokens = 0;
                for (long i = 0; i < count; i++)
                {
                    tokens += Tokenize(lines[(int)(i & 4095)]);
                }

                return tokens;
            });
            Measure($"(b) parse, then EventIdSet.Add #{pass}", count, () =>
            {
                var set = new EventIdSet();
                ulong state = 1;
                long tokens = 0;
                for (long i = 0; i < count; i++)
                {
                    tokens += Tokenize(lines[(int)(i & 4095)]);
                    set.Add(SplitMix64(ref state));
                }

                return tokens + set.Count;
            });
            Measure($"(c) hash + EventIdSet.Prefetch, parse, then add #{pass}", count, () =>
            {
                var set = new EventIdSet();
                ulong state = 1;
                long tokens = 0;
                for (long i = 0; i < count; i++)
                {
                    ulong hash = SplitMix64(ref state);
                    set.Prefetch(hash);
                    tokens += Tokenize(lines[(int)(i & 4095)]);
                    set.Add(hash);
                }

                return tokens + set.Count;
            });
        }

        return 0;
    }

    private static long Tokenize(byte[] line)
    {
        var reader = new Utf8JsonReader(line);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static void Measure(string what, long count, Func<long> run)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        long result = run();
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-66} {seconds,7:F3} s  {seconds * 1e9 / count,6:F0} ns/event  ({result})"));
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
