using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// Records are mapped in batches on several threads and judged in input order: every input gives the same events, in
/// the same order, the same rejections with the same record numbers and texts, the same counts and the same damage as
/// when one thread maps and judges record after record. Tiny batches make each input span many of them, so that
/// duplicates, rejections and breaks fall across batch boundaries.
/// </summary>
public sealed class ParallelMappingTests
{
    public static TheoryData<string> Inputs => new(MixedInputs().Keys);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Several_threads_give_the_verdicts_one_thread_gives(string input)
    {
        byte[] bytes = MixedInputs()[input];
        var alone = Run(bytes, parallelism: 1, batchRecords: 1);

        foreach (var (parallelism, batchRecords) in new[] { (1, 512), (2, 1), (2, 3), (4, 7), (8, 64) })
        {
            var together = Run(bytes, parallelism, batchRecords);

            Assert.Equal(alone.Counts, together.Counts);
            Assert.Equal(alone.Events, together.Events);
            Assert.Equal(alone.Rejections, together.Rejections);
            Assert.Equal(alone.Input.Provenance, together.Input.Provenance);
        }

        Assert.True(alone.Counts.Read > 0);

        // The provenance is of the whole input as given, read to its end even where it broke (hashed by the framing thread).
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length), (alone.Input.Provenance.Sha256, alone.Input.Provenance.Bytes!.Value));
    }

    [Fact]
    public void The_shared_CloudTrail_sample_is_mapped_alike_on_one_thread_and_on_several()
    {
        byte[] bytes = SourceSamples.Read("aws-cloudtrail.jsonl");

        var alone = Run(bytes, parallelism: 1, batchRecords: 512);
        var together = Run(bytes, parallelism: 4, batchRecords: 5);

        Assert.Equal(alone.Counts, together.Counts);
        Assert.Equal(alone.Events, together.Events);
        Assert.Equal(alone.Rejections, together.Rejections);
        Assert.NotEmpty(alone.Events);
    }

    [Fact]
    public void A_duplicate_in_a_later_batch_is_a_duplicate_and_its_first_copy_is_the_one_kept()
    {
        string first = ContainerTests.Record(1);
        string copy = first.Replace("192.0.2.1\"", "192.0.2.99\"", StringComparison.Ordinal); // same eventID, other address
        string text = first + "\n" + string.Join("\n", Enumerable.Range(2, 20).Select(ContainerTests.Record)) + "\n" + copy + "\n";

        var run = Run(Encoding.UTF8.GetBytes(text), parallelism: 4, batchRecords: 2);

        Assert.Equal((22L, 21L, 1L), (run.Counts.Read, run.Counts.Accepted, run.Counts.Duplicates));
        Assert.Equal("192.0.2.1", run.Events.Single(e => e.Id == "e1").Ip);
    }

    [Fact]
    public void Rejections_keep_their_line_numbers_and_input_order_across_batches()
    {
        var lines = Enumerable.Range(1, 30).Select(i => i % 4 == 0 ? "{\"eventSource\":\"s3.amazonaws.com\",\"n\":" + i + "}" : ContainerTests.Record(i)).ToArray();

        var run = Run(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), parallelism: 4, batchRecords: 3);

        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 4 == 0).Select(i => (long)i), run.Rejections.Select(r => r.Line));
        Assert.Equal(lines.Where((_, i) => (i + 1) % 4 == 0), run.Rejections.Select(r => r.Text));
        Assert.All(run.Rejections, r => Assert.Equal("not an AWS CloudTrail record: /eventName is missing", r.Reason));
    }

    [Fact]
    public void A_container_that_breaks_keeps_every_record_before_the_break_in_whichever_batch_it_was()
    {
        var records = Enumerable.Range(1, 25).Select(ContainerTests.Record).ToArray();
        string file = ContainerTests.CloudTrailFile(records);
        string cut = file[..(file.IndexOf("\"e20\"", StringComparison.Ordinal) + 3)];

        var run = Run(Encoding.UTF8.GetBytes(cut), parallelism: 4, batchRecords: 4);

        Assert.Equal(Enumerable.Range(1, 19).Select(i => "e" + i), run.Events.Select(e => e.Id));
        Assert.Equal(20, run.Counts.Read);
        Assert.True(run.Counts.TruncatedLastLine);
        Assert.EndsWith("(in record 20); the records before it were read", run.Input.Provenance.Damaged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sink_that_fails_stops_the_framing_thread_and_its_error_goes_up()
    {
        var input = new WatchedStream(Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(1, 20_000).Select(ContainerTests.Record)) + "\n"));
        var source = new MappedJsonSource(CloudTrail, JsonLinesInput.Stream("input", () => input)) { Parallelism = 4, BatchRecords = 3 };
        var vocabulary = new EventVocabulary(Infrastructure.Events.Catalog);
        var reader = new EventStreamReader(vocabulary, Infrastructure.Events.Clock.GetUtcNow() + EventStreamReader.DefaultFutureTolerance, null);

        var failure = Assert.Throws<InvalidOperationException>(() => source.ReadAsync(reader, new SingleSinkReceiver(new FailingSink(after: 100)), null, default).GetAwaiter().GetResult());

        Assert.Equal("the store is gone", failure.Message);
        Assert.True(input.Disposed);
        Assert.False(input.ReadAfterDispose);
        Assert.True(input.BytesRead < input.Size / 2, $"read {input.BytesRead} of {input.Size} bytes after the sink failed");
    }

    private static MappedRun Run(byte[] bytes, int parallelism, int batchRecords) =>
        MappedRun.Of(new MappedJsonSource(CloudTrail, JsonLinesInput.Stream("input", () => new MemoryStream(bytes))) { Parallelism = parallelism, BatchRecords = batchRecords });

    /// <summary>Accepts some events, then fails as a store that went away does.</summary>
    private sealed class FailingSink(int after) : IEventSink
    {
        private int accepted;

        public EventVerdict Accept(in EventRecord record) =>
            ++accepted > after ? throw new InvalidOperationException("the store is gone") : EventVerdict.Accepted;
    }

    /// <summary>A memory stream that counts what was read from it and tells whether it was read after it was disposed.</summary>
    private sealed class WatchedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long Size { get; } = bytes.Length;

        public long BytesRead { get; private set; }

        public bool Disposed { get; private set; }

        public bool ReadAfterDispose { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadAfterDispose |= Disposed;
            int read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            ReadAfterDispose |= Disposed;
            int read = base.Read(buffer);
            BytesRead += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Inputs with a bit of everything: mapped, unmapped, duplicate, refused, too long, not objects, cut off, broken.</summary>
    private static Dictionary<string, byte[]> MixedInputs()
    {
        var good = Enumerable.Range(1, 40).Select(ContainerTests.Record).ToList();
        string unmapped(int i) => ContainerTests.Record(i).Replace("ConsoleLogin\",", "GetObject\",", StringComparison.Ordinal).Replace("signin.", "s3.", StringComparison.Ordinal);
        var mixed = new List<string>();
        for (int i = 0; i < good.Count; i++)
        {
            mixed.Add(good[i]);
            mixed.Add(i % 5 == 0 ? good[i / 2] : unmapped(100 + i)); // duplicates of earlier records, across batches
            if (i % 7 == 3)
            {
                mixed.Add("{\"eventSource\":\"s3.amazonaws.com\"}"); // another source's
            }

            if (i % 11 == 5)
            {
                mixed.Add("{\"eventSource\": oops}"); // invalid JSON
            }
        }

        string huge = good[0].Replace(new string('x', 100), new string('x', 1_100_000), StringComparison.Ordinal);
        string lines = string.Join("\n", mixed.Take(30)) + "\n[1,2]\n" + huge + "\n\0\0\0\n" + string.Join("\n", mixed.Skip(30)) + "\n" + good[3][..50];
        string array = "[" + string.Join(",", mixed.Where(r => !r.Contains("oops", StringComparison.Ordinal)).Take(40)) + ",42,\"x\",[1]," + string.Join(",", mixed.Skip(60).Where(r => !r.Contains("oops", StringComparison.Ordinal))) + "]";
        string broken = "{\"Records\":[" + string.Join(",", mixed.Take(50).Where(r => !r.Contains("oops", StringComparison.Ordinal))) + "," + good[5][..60];
        return new(StringComparer.Ordinal)
        {
            ["json-lines"] = Encoding.UTF8.GetBytes(lines),
            ["json-array"] = Encoding.UTF8.GetBytes(array),
            ["cloudtrail-records, cut off"] = Encoding.UTF8.GetBytes(broken),
            ["json-lines, gzip cut off"] = ContainerTests.Gzip(string.Join("\n", Enumerable.Range(1, 3000).Select(ContainerTests.Record)))[..20_000],
        };
    }
}
