using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Sources.Mapping;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// The pointer walk's fast path (<c>RecordScanner</c>) against <see cref="Utf8JsonReader"/>'s walk, the reference: on
/// every record the fast path takes, the reader accepts the record too and finds every pointer's value at the same place
/// with the same kind, length and escaping, and the same unreadable member names; anything else the fast path leaves to
/// the reader. Checked on the shared real-shaped samples and OCSF fixtures with every shipped source's pointers and with
/// pointers drawn from each record's own members, on thousands of mutations of them, and on hand-made edge cases.
/// </summary>
public sealed class RecordScannerTests
{
    private const int MaxDepth = RecordMapper.MaxDepth;

    /// <summary>Pointers into the hand-made records below: names, indexes, an escaped name, nesting.</summary>
    private static readonly string[] EdgePointers = ["/a", "/a/b", "/a/0", "/a/1/c", "/ab", "/b", "/a~1b", "/m~0n", "/deep/0/0/0", ""];

    public static TheoryData<string> EdgeRecords() =>
    [
        "{}", " {\"a\":1} ", "\t{\r\n\"a\" :\t1 ,\n\"b\": 2}\r\n", "{\"a\":{}}", "{\"a\":[]}", "{\"a\":[1,{\"c\":true}]}",
        "{\"a\":\"x\",\"a\":{\"b\":3}}", "{\"a\":{\"b\":3},\"a\":\"x\"}", "{\"a\\u0062\":1}", "{\"\\u0061\":[null,{\"c\":\"\\\"q\\\"\"}]}",
        "{\"a/b\":false,\"m~n\":0}", "{\"\\ud800\":1,\"a\":2}", "{\"a\":\"\\ud800\"}", "{\"b\":\"\\udc00\\ud800\"}", "{\"a\":\"\\uD83D\\uDE00\"}",
        "{\"a\":-0}", "{\"a\":0.5e-3}", "{\"a\":1E+5}", "{\"a\":-12.25E9}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}",
        "{\"a\":+1}", "{\"a\":0x10}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":NaN}", "{\"b\":[true,false,null]}",
        "{\"a\":\"x\ty\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"unterminated}", "{\"a\":\"ok\"",
        "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":{\"b\":1]}", "{\"a\":[1}", "{\"a\":1}}",
        "{\"a\":1} x", "{\"a\":1},", "{\"a\":1}{}", "{a:1}", "{'a':1}", "[1]", "\"x\"", "1", "", "   ", "\uFEFF{\"a\":1}", "{\"a\":1}\u0000",
        "{\"a\":\"\u00e9t\u00e9 \u2603 \U0001F600\"}", "{\"b\":\"" + new string('x', 31) + "\\\"" + new string('y', 40) + "\"}",
        "{\"b\":\"" + new string('x', 32) + "\"}", "{\"b\":\"" + new string('x', 33) + "\\n\"}", "{\"b\":\"" + new string('x', 100_000) + "\"}",
        Nested(60, "{\"a\":", "}"), Nested(62, "{\"a\":", "}"), Nested(63, "{\"a\":", "}"), Nested(64, "{\"a\":", "}"), Nested(65, "{\"a\":", "}"),
        "{\"b\":" + Nested(61, "[", "]") + "}", "{\"b\":" + Nested(62, "[", "]") + "}", "{\"b\":" + Nested(63, "[", "]") + "}", "{\"b\":" + Nested(64, "[", "]") + "}",
        "{\"deep\":" + Nested(61, "[", "]") + "}", "{\"deep\":" + Nested(64, "[", "]") + "}",
    ];

    [Theory]
    [MemberData(nameof(EdgeRecords))]
    public void A_hand_made_record_walks_as_the_reader_walks_it(string record) =>
        SameWalk(Pointers(EdgePointers), Encoding.UTF8.GetBytes(record));

    /// <summary>Runs of backslashes, escapes, quotes and control characters on both sides of the scanner's 32-byte steps through a string.</summary>
    public static TheoryData<string> BlockEdgeRecords()
    {
        var records = new TheoryData<string>();
        for (int pad = 52; pad <= 70; pad++)
        {
            string x = new('x', pad);
            for (int run = 0; run <= 5; run++)
            {
                records.Add("{\"b\":\"" + x + new string('\\', run) + "\"y\",\"a\":1}");
                records.Add("{\"b\":\"" + x + new string('\\', run) + "\",\"a\":\"" + x + "\"}");
            }

            records.Add("{\"b\":\"" + x + "\\u00e9\\u12\"}");
            records.Add("{\"b\":\"" + x + "\\u00E9\",\"a\":[" + x.Replace('x', '1') + "]}");
            records.Add("{\"b\":\"" + x + "\u0001\"}");
            records.Add("{\"b\":\"" + x + "\",\"a\":tru" + "e}");
            records.Add("{\"a\":" + x.Replace('x', '9') + "," + "\"b\":\"" + x + "\"}");
            records.Add("{\"b\":\"" + x + "\"" + new string(' ', pad % 7) + "}");
            records.Add("{\"b\":\"" + x + "\\");
            records.Add("{\"b\":\"" + x);
            records.Add("{\"b\":\"" + x + "\u00e9\",\"a\":1}");
            records.Add("{\"" + x + "\u00e9\":1,\"a\":\"\u2603\"}");
            records.Add("{\"a\":\"" + x + "\",\"b\":\"" + x + "\U0001F600\"}");
        }

        return records;
    }

    [Theory]
    [MemberData(nameof(BlockEdgeRecords))]
    public void A_record_with_escapes_across_the_scanners_steps_walks_as_the_reader_walks_it(string record) =>
        SameWalk(Pointers(EdgePointers), Encoding.UTF8.GetBytes(record));

    [Fact]
    public void The_fast_path_takes_the_valid_edge_records_it_should()
    {
        var set = Pointers(EdgePointers);
        foreach (string record in new[] { "{}", " {\"a\":1} ", "{\"a\\u0062\":1}", "{\"a\":{\"b\":3},\"a\":\"x\"}", "{\"\\ud800\":1,\"a\":2}", "{\"a\":-12.25E9}", Nested(62, "{\"a\":", "}") })
        {
            Assert.True(SameWalk(set, Encoding.UTF8.GetBytes(record)), record);
        }
    }

    [Fact]
    public void Every_sample_record_walks_the_same_with_every_shipped_source_and_with_its_own_members()
    {
        var sets = Catalogs.LogSources.All.Select(s => new RecordMapper(s).Pointers).ToArray();
        var random = new Random(12);
        int records = 0, taken = 0;
        foreach (byte[] record in SampleRecords())
        {
            records++;
            bool fast = true;
            foreach (var set in sets)
            {
                fast &= SameWalk(set, record);
            }

            fast &= SameWalk(Pointers(OwnPointers(record, random)), record);
            taken += fast ? 1 : 0;
        }

        // The samples are valid JSON objects in UTF-8, shallow: the fast path must take every one, or it saves nothing.
        Assert.True(records > 700, records + " sample records");
        Assert.Equal(records, taken);
    }

    [Fact]
    public void Mutated_sample_records_walk_the_same_or_are_left_to_the_reader()
    {
        var shipped = Catalogs.LogSources.All.Select(s => new RecordMapper(s).Pointers).ToArray();
        var random = new Random(2026);
        byte[] alphabet = "{}[]\":,\\/0123456789-+.eEtrufalsn bx \t\r\n\u007f"u8.ToArray().Concat(new byte[] { 0x00, 0x1f, 0x80, 0xc3, 0xff }).ToArray();
        int mutations = 0, taken = 0, refused = 0;
        foreach (byte[] record in SampleRecords())
        {
            var own = Pointers(OwnPointers(record, random));
            var set = shipped[random.Next(shipped.Length)];
            for (int i = 0; i < 12; i++)
            {
                byte[] mutated = Mutate(record, random, alphabet);
                mutations++;
                bool fast = SameWalk(set, mutated) & SameWalk(own, mutated);
                taken += fast ? 1 : 0;
                refused += Accepts(mutated) ? 0 : 1;
            }
        }

        // Both kinds must be well represented, or the comparison proves little.
        Assert.True(taken > mutations / 10, $"{taken} of {mutations} mutations taken by the fast path");
        Assert.True(refused > mutations / 3, $"{refused} of {mutations} mutations refused by the reader");
    }

    /// <summary>
    /// Bytes that are not UTF-8 on both sides of the 32-byte steps, alone or after a valid non-ASCII character (after the
    /// first, the scanner no longer stops at such bytes: the UTF-8 check must still find them).
    /// </summary>
    [Fact]
    public void Bytes_that_are_not_UTF8_anywhere_in_a_string_leave_the_record_to_the_reader()
    {
        var set = Pointers(EdgePointers);
        foreach (byte bad in new byte[] { 0x80, 0xC3, 0xFF })
        {
            for (int pad = 0; pad <= 70; pad++)
            {
                string x = new('x', pad);
                byte[][] records =
                [
                    [.. Encoding.UTF8.GetBytes("{\"b\":\"" + x), bad, .. "\",\"a\":1}"u8],
                    [.. Encoding.UTF8.GetBytes("{\"b\":\"\u00e9" + x), bad, .. "\",\"a\":1}"u8],
                    [.. Encoding.UTF8.GetBytes("{\"a\":\"\u00e9\",\"" + x), bad, .. "\":1}"u8],
                ];
                foreach (byte[] record in records)
                {
                    Assert.False(SameWalk(set, record), "the fast path took bytes that are not UTF-8: " + Convert.ToHexString(record));
                }
            }
        }
    }

    /// <summary>Compares both walks of <paramref name="json"/>; true when the fast path took the record.</summary>
    private static bool SameWalk(PointerSet set, byte[] json)
    {
        var fast = new FoundValue[set.Count];
        var reference = new FoundValue[set.Count];
        bool scanned = set.TryScan(json, MaxDepth, fast, out bool fastUnreadable, out bool nonAscii);

        // A record the scanner takes and sees no byte above ASCII in is ASCII: Resolve skips the UTF-8 check for it.
        Assert.True(!scanned || nonAscii || System.Text.Ascii.IsValid(json), "the scanner saw no byte above ASCII in " + Shorten(Encoding.UTF8.GetString(json)));
        bool took = scanned && (!nonAscii || System.Text.Unicode.Utf8.IsValid(json));
        fastUnreadable &= took;
        JsonTokenKind? root = null;
        bool unreadable = false;
        string? error = null;
        try
        {
            root = set.ReadWithReader(json, MaxDepth, reference, out unreadable);
        }
        catch (JsonException exception)
        {
            error = exception.Message;
        }

        var resolved = new FoundValue[set.Count];
        JsonTokenKind? resolvedRoot = null;
        try
        {
            resolvedRoot = set.Resolve(json, MaxDepth, resolved, out _, out bool validUtf8);
            Assert.Equal(System.Text.Unicode.Utf8.IsValid(json), validUtf8);
        }
        catch (JsonException exception)
        {
            Assert.Equal(error, exception.Message);
        }

        Assert.Equal(root, resolvedRoot);
        if (!took)
        {
            return false;
        }

        string text = Encoding.UTF8.GetString(json);
        Assert.True(error is null, "the fast path took a record the reader refuses (" + error + "): " + Shorten(text));
        Assert.Equal(JsonTokenKind.Object, root);
        Assert.True(reference.SequenceEqual(fast), "the walks differ on " + Shorten(text));
        Assert.True(reference.SequenceEqual(resolved), "Resolve differs from the reader on " + Shorten(text));
        Assert.Equal(unreadable, fastUnreadable);
        return true;
    }

    private static bool Accepts(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0 && System.Text.Unicode.Utf8.IsValid(json);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static PointerSet Pointers(IEnumerable<string> pointers)
    {
        var set = new PointerSet();
        foreach (string pointer in pointers)
        {
            set.Add(JsonPointer.Parse(pointer));
        }

        return set;
    }

    /// <summary>Some of the record's own member paths (to four levels, array elements included) and some it lacks.</summary>
    private static List<string> OwnPointers(byte[] record, Random random)
    {
        var all = new List<string>();
        using (var document = JsonDocument.Parse(record))
        {
            Collect(document.RootElement, "", 0, all);
        }

        var chosen = all.Where(_ => random.Next(3) == 0).ToList();
        chosen.AddRange(all.Take(3).Select(p => p + "/absent"));
        chosen.Add("/absent/0");
        return chosen;
    }

    private static void Collect(JsonElement element, string path, int depth, List<string> into)
    {
        if (depth == 4)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                string child = path + "/" + member.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                into.Add(child);
                Collect(member.Value, child, depth + 1, into);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var item in element.EnumerateArray())
            {
                string child = path + "/" + index++;
                into.Add(child);
                Collect(item, child, depth + 1, into);
            }
        }
    }

    /// <summary>One to three edits: a byte replaced, removed or inserted, or the record cut short.</summary>
    private static byte[] Mutate(byte[] record, Random random, byte[] alphabet)
    {
        var bytes = new List<byte>(record);
        for (int edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Every line of the shared source samples and the OCSF fixtures that parses as a JSON object.</summary>
    private static IEnumerable<byte[]> SampleRecords()
    {
        var files = Directory.GetFiles(SourceSamples.Path, "*.jsonl").Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ocsf"), "*.jsonl"));
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            foreach (string line in File.ReadAllLines(file))
            {
                byte[] record = Encoding.UTF8.GetBytes(line.Trim());
                if (Accepts(record) && record[0] == (byte)'{')
                {
                    yield return record;
                }
            }
        }
    }

    private static string Nested(int depth, string open, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
