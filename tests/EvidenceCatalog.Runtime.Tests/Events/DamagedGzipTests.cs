using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Events;

/// <summary>
/// A gzip input is complete only when every member ends with a trailer whose CRC-32 and length match its data, as
/// <c>gzip -t</c> judges it: one cut off (even at a flush point, where .NET's GZipStream ends without complaint), with
/// a changed trailer, or with bytes after its last member is damaged — and the records before the damage are kept.
/// </summary>
public sealed class DamagedGzipTests
{
    private static readonly CalendarDate From = new(2026, 3, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);

    private static byte[] Events(int first, int count) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(first, count).Select(i => Line("e" + i, $"2026-03-{1 + (i % 28):D2}T{i % 24:D2}:{i % 60:D2}:00Z") + "\n")));

    /// <summary>1,000 events compressed by GZipStream, flushed after the 600th; and where the flush ended.</summary>
    private static (byte[] Whole, int FlushPoint) FlushedAt600()
    {
        var compressed = new MemoryStream();
        int flushPoint;
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Events(0, 600));
            gzip.Flush();
            flushPoint = (int)compressed.Length;
            gzip.Write(Events(600, 400));
        }

        return (compressed.ToArray(), flushPoint);
    }

    private static byte[] Gzip(byte[] data)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    private static async Task<IngestionSummary> Read(byte[] input)
    {
        var report = (await new ReportJob(Catalog, Options(From, To)).RunAsync(Source(input, "events.jsonl.gz"))).Report;
        var ingestion = report.Meta.Ingestion!;
        Assert.Equal(ingestion.Read, ingestion.Accepted + ingestion.Duplicates + ingestion.Rejected);
        return ingestion;
    }

    [Fact]
    public async Task A_gzip_cut_right_after_a_flush_point_is_damaged_and_the_600_records_before_it_are_kept()
    {
        var (whole, flushPoint) = FlushedAt600();
        byte[] cut = whole[..flushPoint];
        Assert.Contains("unexpected end of file", GzipTest(cut), StringComparison.Ordinal);
        using (var plain = new GZipStream(new MemoryStream(cut), CompressionMode.Decompress))
        {
            // The attack: the framework's own reader ends here without a word.
            Assert.Equal(Events(0, 600).Length, ReadAll(plain).Length);
        }

        var ingestion = await Read(cut);

        Assert.Equal((600L, 600L, 0L), (ingestion.Read, ingestion.Accepted, ingestion.Rejected));
        Assert.True(ingestion.AnyDamaged);
        Assert.Equal(
            "not valid gzip: the input ends inside member 1's compressed data: it was cut off (gzip -t: unexpected end of file); the records before the damage were read",
            ingestion.Inputs[0].Damaged);
        Assert.Equal(cut.Length, ingestion.Inputs[0].Bytes);
    }

    [Theory]
    [InlineData(8, "member 1's CRC-32 does not match its data: it was changed (gzip -t: crc error)")]
    [InlineData(4, "member 1's trailer records another length than its ")]
    public async Task A_trailer_whose_CRC_or_length_was_flipped_is_damaged_after_all_the_records(int fromEnd, string reason)
    {
        byte[] changed = FlushedAt600().Whole;
        changed[^fromEnd] ^= 0x01;
        Assert.NotEqual(string.Empty, GzipTest(changed));

        var ingestion = await Read(changed);

        Assert.Equal(1000, ingestion.Accepted);
        Assert.StartsWith("not valid gzip: " + reason, ingestion.Inputs[0].Damaged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task A_trailer_cut_short_is_damaged(int missing)
    {
        byte[] whole = FlushedAt600().Whole;

        var ingestion = await Read(whole[..^missing]);

        Assert.Equal(1000, ingestion.Accepted);
        Assert.StartsWith("not valid gzip: member 1 ends without a trailer that matches its data: the input was cut off", ingestion.Inputs[0].Damaged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concatenated_members_are_read_whole_as_gzip_reads_them_and_a_cut_in_the_second_keeps_the_first()
    {
        byte[] first = Gzip(Events(0, 500));
        var (second, flushPoint) = FlushedAt600();
        byte[] both = [.. first, .. second];
        Assert.Equal(string.Empty, GzipTest(both));

        var whole = await Read(both);
        var cut = await Read(both[..(first.Length + flushPoint)]);

        Assert.Equal((1000L, (string?)null), (whole.Accepted, whole.Inputs[0].Damaged)); // ids e0..e499 repeat: 500 duplicates
        Assert.Equal(500, whole.Duplicates);
        Assert.Equal(1100, cut.Read);
        Assert.StartsWith("not valid gzip: the input ends inside member 2's compressed data: it was cut off", cut.Inputs[0].Damaged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_after_the_last_member_that_are_not_gzip_are_damage()
    {
        byte[] input = [.. Gzip(Events(0, 10)), .. "trailing\n"u8];

        var ingestion = await Read(input);

        Assert.Equal(10, ingestion.Accepted);
        Assert.StartsWith("not valid gzip: the input goes on after member 1 with bytes that are not gzip data", ingestion.Inputs[0].Damaged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_from_the_gzip_tool_with_a_name_in_the_header_read_intact_and_cut_at_any_point_are_damaged()
    {
        string folder = Path.Combine(Path.GetTempPath(), "evidence-gzip-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "events.jsonl"), Events(0, 2000));
            Run(folder, "gzip", "-9", "-N", "events.jsonl"); // keeps the name (FNAME) in the header
            byte[] real = File.ReadAllBytes(Path.Combine(folder, "events.jsonl.gz"));
            Assert.True((real[3] & 0x08) != 0, "the header holds the file name");

            Assert.Equal((2000L, (string?)null), ((await Read(real)).Accepted, (await Read(real)).Inputs[0].Damaged));
            var random = new Random(11);
            for (int i = 0; i < 20; i++)
            {
                byte[] cut = real[..random.Next(12, real.Length)];
                var ingestion = await Read(cut);
                Assert.NotNull(ingestion.Inputs[0].Damaged);
                Assert.True(ingestion.Accepted < 2000);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Many_members_of_every_size_are_never_taken_for_damage()
    {
        // Incompressible text makes members span many of the inflater's reads, so each trailer is found after a different handout.
        var random = new Random(5);
        var members = new List<byte>();
        int total = 0;
        for (int m = 0; m < 40; m++)
        {
            int count = random.Next(0, 400);
            var lines = string.Concat(Enumerable.Range(total, count).Select(i =>
                Line("e" + i, "2026-03-02T10:00:00Z", actor: "user:" + Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())) + "@northwind.example") + "\n"));
            members.AddRange(Gzip(Encoding.UTF8.GetBytes(lines)));
            total += count;
        }

        var ingestion = await Read([.. members]);

        Assert.Equal(((long)total, (string?)null), (ingestion.Accepted, ingestion.Inputs[0].Damaged));
    }

    private static byte[] ReadAll(Stream stream)
    {
        var all = new MemoryStream();
        stream.CopyTo(all);
        return all.ToArray();
    }

    /// <summary>What <c>gzip -t</c> says about <paramref name="input"/> (empty when it is intact).</summary>
    private static string GzipTest(byte[] input)
    {
        string path = Path.Combine(Path.GetTempPath(), "evidence-gzip-" + Guid.NewGuid().ToString("N") + ".gz");
        File.WriteAllBytes(path, input);
        try
        {
            return Run(Path.GetTempPath(), "gzip", ["-t", path], allowFailure: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(string folder, string program, params string[] args) => Run(folder, program, args, allowFailure: false);

    private static string Run(string folder, string program, string[] args, bool allowFailure)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), program + " did not finish within 30 s");
        string stderr = error.GetAwaiter().GetResult();
        Assert.True(allowFailure || process.ExitCode == 0, program + " failed: " + stderr);
        return process.ExitCode == 0 ? string.Empty : stderr;
    }
}
