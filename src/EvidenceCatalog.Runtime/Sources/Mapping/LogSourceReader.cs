using System;
using System.IO;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Events.Reading;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Reads one input of a log source: its framing told from its first bytes among the source's containers, each record
/// framed (a line, or an element of an array), mapped (<see cref="RecordMapper"/>), and given its verdict by the same
/// <see cref="EventStreamReader"/> as a native event. A recognised record no rule maps is counted as unmapped under its
/// native name; a record the source cannot map is rejected with the reason, and quarantined like any other.
/// </summary>
internal sealed class LogSourceReader
{
    private readonly RecordMapper mapper;
    private readonly EventStreamReader reader;
    private readonly bool withAttributes;

    /// <param name="mapper">The source's mapper.</param>
    /// <param name="reader">The job's reader: validation, de-duplication across inputs, quarantine.</param>
    /// <param name="withAttributes">Whether the events' attributes are wanted (see <see cref="RecordMapper.Map(ReadOnlySpan{byte}, bool, out EventDraft, out ReadOnlySpan{byte}, out string?)"/>).</param>
    public LogSourceReader(RecordMapper mapper, EventStreamReader reader, bool withAttributes)
    {
        this.mapper = mapper;
        this.reader = reader;
        this.withAttributes = withAttributes;
    }

    /// <summary>How the input last read was framed (<c>cloudtrail-records</c>), once told; null before.</summary>
    public string? Container { get; private set; }

    /// <summary>Reads every record of the decompressed input.</summary>
    /// <exception cref="BrokenContainerException">The source does not declare the input's framing, or the container breaks.</exception>
    public void Read(Stream events, string name, IEventSink sink, IngestionCounter counter)
    {
        var peeked = new PeekedStream(events, ContainerDetection.HeadLength);
        var container = ContainerDetection.Detect(peeked.Head);
        Container = ContainerDetection.Name(container);
        if (ContainerDetection.Check(container, mapper.Source) is { } refusal)
        {
            throw new BrokenContainerException(refusal);
        }

        using var framer = Framer(peeked, container);
        while (framer.Next(out var line))
        {
            Process(line, name, sink, counter);
        }
    }

    /// <summary>The framer of a container: lines, or the elements of the root array or of CloudTrail's <c>Records</c>.</summary>
    internal static IRecordFramer Framer(Stream input, SourceContainers container) => container == SourceContainers.JsonLines
        ? new JsonLinesFramer(input)
        : new JsonArrayFramer(input, underRecords: container == SourceContainers.CloudtrailRecords);

    private void Process(in FramedLine line, string name, IEventSink sink, IngestionCounter counter)
    {
        // An element that is no object goes to the mapper, which refuses it as it refuses such a line of JSON Lines.
        if (line.Kind != FramedLineKind.NotAnObject && reader.RejectFramingProblem(line, name, counter))
        {
            return;
        }

        switch (mapper.Map(line.Text, withAttributes, out var draft, out var nativeName, out string? reason))
        {
            case MappingOutcome.Mapped:
                reader.Judge(draft, line.Text, line.Number, name, sink, counter);
                break;
            case MappingOutcome.Unmapped:
                counter.CountUnmapped(nativeName);
                break;
            default:
                reader.RejectUnreadable(line.Text, line.Number, line.IsLast, reason!, name, counter);
                break;
        }
    }
}
