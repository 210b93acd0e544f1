using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>What became of a log source's input: its counts and provenance, the accepted events, the rejections.</summary>
internal sealed record MappedRun(InputRead Input, IReadOnlyList<AuditEvent> Events, IReadOnlyList<EventRejection> Rejections)
{
    public IngestionCounts Counts => Input.Counts;

    public AuditEvent Single => Assert.Single(Events);

    public string Reasons => string.Join("\n", Rejections.Select(r => r.Line + ": " + r.Reason));

    /// <summary>Reads <paramref name="text"/> as one input of <paramref name="source"/>, as ingestion reads it (attributes kept).</summary>
    public static MappedRun Of(LogSource source, string text, string name = "input") => Of(source, Encoding.UTF8.GetBytes(text), name);

    public static MappedRun Of(LogSource source, byte[] bytes, string name = "input") =>
        Of(new MappedJsonSource(source, JsonLinesInput.Stream(name, () => new MemoryStream(bytes))));

    public static MappedRun Of(MappedJsonSource source)
    {
        var vocabulary = new EventVocabulary(Infrastructure.Events.Catalog);
        var rejections = new RejectionList(100_000);
        var reader = new EventStreamReader(vocabulary, Infrastructure.Events.Clock.GetUtcNow() + EventStreamReader.DefaultFutureTolerance, rejections);
        var sink = new CollectingSink(vocabulary);
        var inputs = source.ReadAsync(reader, new SingleSinkReceiver(sink), null, default).GetAwaiter().GetResult();
        var counts = inputs.Aggregate(IngestionCounts.None, (sum, i) => sum + i.Counts);

        // The invariant every run keeps, whatever it read.
        Assert.Equal(counts.Read, counts.Accepted + counts.Duplicates + counts.Rejected + counts.Unmapped + counts.Pending);
        Assert.Equal(counts.Unmapped, counts.UnmappedByName.Total);
        Assert.Equal(counts.Rejected, rejections.Count);
        return new MappedRun(inputs[0] with { Counts = counts }, sink.Events, rejections.Items);
    }

    /// <summary>Keeps every event it is given, in the managed form.</summary>
    private sealed class CollectingSink(EventVocabulary vocabulary) : IEventSink
    {
        public List<AuditEvent> Events { get; } = [];

        public EventVerdict Accept(in EventRecord record)
        {
            Events.Add(record.ToAuditEvent(vocabulary));
            return EventVerdict.Accepted;
        }
    }
}
