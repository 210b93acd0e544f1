using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Events.Reading;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Events;

/// <summary>
/// A JSON array (at the root, or CloudTrail's <c>{"Records": [...]}</c>) is cut into its elements as it streams: each
/// element a record numbered by its position, never the whole array in memory, an element over the record limit
/// refused alone, and a break in the container's own syntax the end of what can be read, with the element under way
/// handed out to be rejected as it is.
/// </summary>
public sealed class JsonArrayFramerTests
{
    private const int Limit = JsonLinesFramer.MaxLineBytes;

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(7)]
    public void Each_element_is_a_record_numbered_by_its_position_however_the_bytes_arrive(int readSize)
    {
        string tricky = "{\"id\":\"x]},[\\\"\",\"attributes\":{\"a\":[1,{\"b\":\"]\"}]}}";
        string json = "\uFEFF [\n  " + Line("a", "2026-03-02T10:00:00Z") + " ,\n\t" + tricky + ",{}\r\n]  \n";

        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json), readSize);

        Assert.Null(damage);
        Assert.Equal([(FramedLineKind.Record, Line("a", "2026-03-02T10:00:00Z"), 1L), (FramedLineKind.Record, tricky, 2L), (FramedLineKind.Record, "{}", 3L)], records.Select(r => (r.Kind, r.Text, r.Number)));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    [InlineData("")]
    [InlineData(" \n ")]
    public void An_empty_array_or_an_empty_input_has_no_records(string json)
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json));

        Assert.Null(damage);
        Assert.Empty(records);
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_a_record_of_its_own_kind()
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes("[42,{\"id\":\"a\"},\"text\",[1,[2]],null,true]"));

        Assert.Null(damage);
        Assert.Equal(
            [(FramedLineKind.NotAnObject, "42", 1L), (FramedLineKind.Record, "{\"id\":\"a\"}", 2L), (FramedLineKind.NotAnObject, "\"text\"", 3L),
             (FramedLineKind.NotAnObject, "[1,[2]]", 4L), (FramedLineKind.NotAnObject, "null", 5L), (FramedLineKind.NotAnObject, "true", 6L)],
            records.Select(r => (r.Kind, r.Text, r.Number)));
    }

    [Fact]
    public void Escapes_and_bytes_that_are_wrong_inside_a_string_are_the_element_s_problem_not_the_array_s()
    {
        // A lone surrogate escape and a byte that is not UTF-8: the field reader rejects such a record, as in JSON Lines.
        byte[] json = [.. "[{\"id\":\"\\ud800\"},{\"id\":\""u8, 0xFF, .. "\"},{\"id\":\"ok\"}]"u8];

        var (records, damage) = Frame(json);

        Assert.Null(damage);
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Number));
        Assert.All(records, r => Assert.Equal(FramedLineKind.Record, r.Kind));
    }

    [Fact]
    public void An_element_over_the_record_limit_is_refused_alone_and_the_next_one_is_read()
    {
        string many = "{\"id\":\"big\",\"attributes\":{\"list\":[" + string.Join(",", Enumerable.Repeat("\"abcdefgh\"", (Limit / 11) + 10)) + "]}}";
        string json = "[" + many + ",{\"id\":\"after\"}]";

        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json), 4096);

        Assert.Null(damage);
        Assert.Equal([(FramedLineKind.TooLong, 1L), (FramedLineKind.Record, 2L)], records.Select(r => (r.Kind, r.Number)));
        Assert.StartsWith("{\"id\":\"big\"", records[0].Text);
        Assert.Equal("{\"id\":\"after\"}", records[1].Text);
    }

    [Fact]
    public void One_string_longer_than_the_buffer_is_skipped_with_its_element_escapes_and_all()
    {
        // Three MiB in one string, with an escaped quote and backslashes at every boundary the reads could cut.
        string blob = string.Concat(Enumerable.Repeat("ab\\\"c\\\\", 3 * Limit / 7));
        string json = "[{\"id\":\"big\",\"attributes\":{\"blob\":\"" + blob + "\"}},{\"id\":\"after\"}]";

        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json), 65_536);

        Assert.Null(damage);
        Assert.Equal([(FramedLineKind.TooLong, 1L), (FramedLineKind.Record, 2L)], records.Select(r => (r.Kind, r.Number)));
        Assert.Equal("{\"id\":\"after\"}", records[1].Text);
    }

    [Theory]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\"}", "the input ends inside it (cut off?) (after element 2)")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\"},", "the input ends inside it (cut off?) (after element 2)")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\"},]", "(after element 2)")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\"} {\"id\":\"c\"}]", "(after element 2)")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\"}] trailing", "(after element 2)")]
    public void A_break_in_the_array_s_syntax_ends_the_input_after_the_elements_before_it(string json, string where)
    {
        foreach (int readSize in new[] { 3, int.MaxValue })
        {
            var (records, damage) = Frame(Encoding.UTF8.GetBytes(json), readSize);

            Assert.Equal(["{\"id\":\"a\"}", "{\"id\":\"b\"}"], records.Select(r => r.Text));
            Assert.NotNull(damage);
            Assert.StartsWith("not a well-formed JSON array: ", damage.Message);
            Assert.EndsWith(where + "; the records before it were read", damage.Message);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void The_element_under_way_where_the_array_breaks_is_handed_out_to_be_rejected_as_it_is(int readSize)
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes("[{\"id\":\"a\"},{\"id\": oops}, {\"id\":\"c\"}]"), readSize);

        Assert.Equal([(FramedLineKind.Record, 1L), (FramedLineKind.Record, 2L)], records.Select(r => (r.Kind, r.Number)));
        Assert.StartsWith("{\"id\": o", records[1].Text, StringComparison.Ordinal); // as far as the input had arrived
        Assert.False(records[1].IsLast);
        Assert.StartsWith("not a well-formed JSON array: ", damage?.Message);
        Assert.EndsWith("(in element 2); the records before it were read", damage?.Message);
    }

    [Fact]
    public void An_element_cut_off_by_the_end_of_the_input_is_handed_out_as_the_last_record()
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes("[{\"id\":\"a\"},{\"id\":\"b"));

        Assert.Equal([(FramedLineKind.Record, "{\"id\":\"b", 2L, true)], records.Skip(1).Select(r => (r.Kind, r.Text, r.Number, r.IsLast)));
        Assert.Equal("not a well-formed JSON array: the input ends inside it (cut off?) (in element 2); the records before it were read", damage?.Message);
    }

    [Fact]
    public void A_break_before_the_first_element_says_so_and_claims_no_records()
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes("[,{\"id\":\"a\"}]"));

        Assert.Empty(records);
        Assert.StartsWith("not a well-formed JSON array: ", damage?.Message);
        Assert.EndsWith("(before its first element)", damage?.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public void The_elements_of_CloudTrail_s_Records_are_the_records_and_the_other_members_are_passed_over(int readSize)
    {
        string json = "\uFEFF {\"Other\":{\"Records\":[1]},\"Records\":[{\"eventID\":\"a\"},42,{\"eventID\":\"b\"}],\"Records2\":[{}],\"digest\":null}\n";

        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json), readSize, underRecords: true);

        Assert.Null(damage);
        Assert.Equal(
            [(FramedLineKind.Record, "{\"eventID\":\"a\"}", 1L), (FramedLineKind.NotAnObject, "42", 2L), (FramedLineKind.Record, "{\"eventID\":\"b\"}", 3L)],
            records.Select(r => (r.Kind, r.Text, r.Number)));
    }

    [Theory]
    [InlineData("{\"Records\":[{\"eventID\":\"a\"},{\"eventID\":", "the input ends inside it (cut off?) (in record 2); the records before it were read")]
    [InlineData("{\"Records\":[{\"eventID\":\"a\"}]", "the input ends inside it (cut off?) (after record 1); the records before it were read")]
    [InlineData("{\"Records\":null}", "it holds no Records array (before its first record)")]
    [InlineData("{\"Records\":[{\"eventID\":\"a\"}]} {}", "(after record 1); the records before it were read")]
    public void A_CloudTrail_file_that_breaks_names_its_record(string json, string end)
    {
        var (_, damage) = Frame(Encoding.UTF8.GetBytes(json), underRecords: true);

        Assert.StartsWith("not a well-formed CloudTrail file ({\"Records\": [...]}): ", damage?.Message);
        Assert.EndsWith(end, damage?.Message);
    }

    [Fact]
    public void Every_call_after_a_break_throws_the_same_damage()
    {
        using var framer = new JsonArrayFramer(new MemoryStream("[{\"id\":\"a\"},"u8.ToArray()));

        Assert.True(framer.Next(out _));
        var first = Assert.Throws<BrokenContainerException>(() => framer.Next(out _));
        var second = Assert.Throws<BrokenContainerException>(() => framer.Next(out _));
        Assert.Equal(first.Message, second.Message);
    }

    [Theory]
    [InlineData("{\"id\":\"a\"}")]
    [InlineData("42")]
    public void An_input_that_is_not_an_array_is_malformed(string json)
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json));

        Assert.Empty(records);
        Assert.Equal("not a JSON array: the input does not start with '['", damage?.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF\n")]
    public void An_input_of_white_space_has_no_records_in_either_container(string json)
    {
        var array = Frame(Encoding.UTF8.GetBytes(json), 1);
        var records = Frame(Encoding.UTF8.GetBytes(json), 1, underRecords: true);

        Assert.Equal((0, 0), (array.Records.Count, records.Records.Count));
        Assert.Null(array.Damage);
        Assert.Null(records.Damage);
    }

    [Fact]
    public void An_input_that_is_no_object_is_not_a_CloudTrail_file()
    {
        var (records, damage) = Frame(Encoding.UTF8.GetBytes("[{\"eventID\":\"a\"}]"), underRecords: true);

        Assert.Empty(records);
        Assert.Equal("not a CloudTrail file ({\"Records\": [...]}): the input is not a JSON object", damage?.Message);
    }

    [Fact]
    public void A_number_longer_than_the_buffer_is_malformed_rather_than_buffered()
    {
        string json = "[{\"id\":\"a\"},{\"n\":" + new string('9', 3 * Limit) + "}]";

        var (records, damage) = Frame(Encoding.UTF8.GetBytes(json), 65_536);

        Assert.Equal([(FramedLineKind.Record, 1L), (FramedLineKind.TooLong, 2L)], records.Select(r => (r.Kind, r.Number)));
        Assert.Contains("a single JSON value is longer than", damage?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_32_MiB_array_is_streamed_through_a_bounded_buffer()
    {
        byte[] element = Encoding.UTF8.GetBytes(Line("same-id", "2026-03-02T10:00:00Z"));
        var input = new RepeatedArrayStream(element, (32 << 20) / (element.Length + 1));
        using (var warm = new JsonArrayFramer(new MemoryStream("[{}]"u8.ToArray())))
        {
            while (warm.Next(out _))
            {
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        using (var framer = new JsonArrayFramer(input))
        {
            while (framer.Next(out _))
            {
                count++;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(input.Count, count);
        Assert.True(allocated < 4L << 20, $"framing a 32 MiB array allocated {allocated:N0} bytes");
    }

    private static (List<(FramedLineKind Kind, string Text, long Number, bool IsLast)> Records, BrokenContainerException? Damage) Frame(byte[] json, int readSize = int.MaxValue, bool underRecords = false)
    {
        var records = new List<(FramedLineKind, string, long, bool)>();
        using var framer = new JsonArrayFramer(new DribbleStream(json, readSize), underRecords);
        try
        {
            while (framer.Next(out var line))
            {
                records.Add((line.Kind, Encoding.UTF8.GetString(line.Text), line.Number, line.IsLast));
            }
        }
        catch (BrokenContainerException exception)
        {
            return (records, exception);
        }

        return (records, null);
    }

    /// <summary>Bytes handed out at most <c>readSize</c> at a time, so every boundary falls somewhere.</summary>
    private sealed class DribbleStream(byte[] bytes, int readSize) : ForwardOnlyStream
    {
        private int position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, readSize), bytes.Length - position);
            Array.Copy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    /// <summary><c>[e,e,…,e]</c> made as it is read: the array never exists whole, in the test or anywhere.</summary>
    private sealed class RepeatedArrayStream(byte[] element, long count) : ForwardOnlyStream
    {
        private long emitted;
        private int offset = -1;

        public long Count => count;

        public override int Read(byte[] buffer, int start, int length)
        {
            int written = 0;
            while (written < length)
            {
                if (offset < 0)
                {
                    if (emitted > count)
                    {
                        break;
                    }

                    buffer[start + written++] = emitted == 0 ? (byte)'[' : emitted == count ? (byte)']' : (byte)',';
                    offset = emitted++ == count ? int.MaxValue : 0;
                    continue;
                }

                if (offset == int.MaxValue)
                {
                    break;
                }

                int n = Math.Min(length - written, element.Length - offset);
                Array.Copy(element, offset, buffer, start + written, n);
                written += n;
                offset += n;
                if (offset == element.Length)
                {
                    offset = -1;
                }
            }

            return written;
        }
    }

    /// <summary>A stream that can only be read forward, as a request body or a pipe is.</summary>
    private abstract class ForwardOnlyStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
