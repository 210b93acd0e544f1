using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Events;

/// <summary>
/// An input that is one JSON array of events is read record by record exactly as JSON Lines are: the same verdict
/// for the same record, element numbers for line numbers, and a break in the array a damaged input whose earlier
/// records are kept and counted.
/// </summary>
public sealed class JsonArrayInputTests
{
    private static readonly string[] Records =
    [
        Line("a", "2026-03-02T10:00:00Z"),
        Line("b", "2026-03-02T10:00:00Z", actor: "user:\\ud800"),                                   // a lone surrogate in a field read
        Line("c", "2026-03-02T10:00:00Z").Replace("}", ",\"attributes\":{\"note\":\"\\udc00\"}}"),  // … and in one kept raw
        Line("d", "2026-03-02T10:00:00Z", type: "auth.teleport"),
        Line("a", "2026-03-02T10:00:00Z"),
        "{\"id\":\"e\"}",
        Line("f", "2026-03-02T10:00:00Z", account: "other-account"),
    ];

    [Fact]
    public void Every_record_gets_the_same_verdict_as_an_array_element_as_on_a_line()
    {
        var lines = Read(string.Join("\n", Records) + "\n", EventContainer.JsonLines);
        var array = Read("[\n" + string.Join(",\n", Records) + "\n]\n", EventContainer.JsonArray);

        Assert.Null(array.Read.Provenance.Damaged);
        Assert.Equal(lines.Read.Counts, array.Read.Counts);
        Assert.Equal((7L, 2L, 1L, 4L), (array.Read.Counts.Read, array.Read.Counts.Accepted, array.Read.Counts.Duplicates, array.Read.Counts.Rejected));
        Assert.Equal(lines.Accepted, array.Accepted);
        Assert.Equal(lines.Rejections.Select(r => (r.Line, r.Reason)), array.Rejections.Select(r => (r.Line, r.Reason)));
        Assert.Equal([2L, 4L, 6L, 7L], array.Rejections.Select(r => r.Line));
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_rejected_by_its_element_number()
    {
        var (read, accepted, rejections) = Read("[" + Records[0] + ",42,\"x\"]", EventContainer.JsonArray);

        Assert.Equal((3L, 1L, 2L), (read.Counts.Read, read.Counts.Accepted, read.Counts.Rejected));
        Assert.Equal(["a"], accepted);
        Assert.Equal([(2L, "42"), (3L, "\"x\"")], rejections.Select(r => (r.Line, r.Text)));
        Assert.All(rejections, r => Assert.Equal("element is not a JSON object: an array of events holds one object per event", r.Reason));
    }

    [Fact]
    public void A_break_in_the_array_damages_the_input_after_the_records_before_it_which_are_kept()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("[" + Records[0] + "," + Line("g", "2026-03-02T11:00:00Z") + "," + "{\"id\": oops}, " + Line("h", "2026-03-02T12:00:00Z") + "]");

        var (read, accepted, rejections) = Read(bytes, EventContainer.JsonArray);

        // The element under way at the break is read too, and rejected as the invalid JSON it is.
        Assert.Equal(["a", "g"], accepted);
        Assert.Equal((3L, 2L, 1L), (read.Counts.Read, read.Counts.Accepted, read.Counts.Rejected));
        var rejection = Assert.Single(rejections);
        Assert.Equal(3L, rejection.Line);
        Assert.StartsWith("invalid JSON", rejection.Reason, StringComparison.Ordinal);
        Assert.StartsWith("{\"id\": oops}", rejection.Text, StringComparison.Ordinal);
        Assert.StartsWith("not a well-formed JSON array: ", read.Provenance.Damaged);
        Assert.EndsWith("(in element 3); the records before it were read", read.Provenance.Damaged);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), read.Provenance.Sha256); // the whole input, as given
        Assert.Equal(bytes.Length, read.Provenance.Bytes);
    }

    [Fact]
    public void A_gzipped_array_is_read_as_an_array()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("[" + Records[0] + "]"));
        }

        var (read, accepted, _) = Read(compressed.ToArray(), EventContainer.JsonArray);

        Assert.Null(read.Provenance.Damaged);
        Assert.Equal(["a"], accepted);
    }

    private static (InputRead Read, List<string> Accepted, IReadOnlyList<EventRejection> Rejections) Read(string text, EventContainer container) =>
        Read(Encoding.UTF8.GetBytes(text), container);

    private static (InputRead Read, List<string> Accepted, IReadOnlyList<EventRejection> Rejections) Read(byte[] bytes, EventContainer container)
    {
        var rejections = new RejectionList();
        var sink = new OneAccountIds(Org);
        var reader = new EventStreamReader(new EventVocabulary(Catalog), Clock.GetUtcNow(), rejections);
        var source = new JsonLinesSource(JsonLinesInput.Stream("body", () => new MemoryStream(bytes), container: container));
        var read = source.ReadAsync(reader, new SingleSinkReceiver(sink), null, CancellationToken.None).GetAwaiter().GetResult();
        return (Assert.Single(read), sink.Ids, rejections.Items);
    }

    /// <summary>Keeps the ids of one account's events and refuses the others, as a tenant's ingestion does.</summary>
    private sealed class OneAccountIds(string account) : IEventSink
    {
        public List<string> Ids { get; } = [];

        public EventVerdict Accept(in EventRecord record)
        {
            if (Encoding.UTF8.GetString(record.Account) != account)
            {
                return EventVerdict.Rejected("another account");
            }

            Ids.Add(Encoding.UTF8.GetString(record.Id));
            return EventVerdict.Accepted;
        }
    }
}
