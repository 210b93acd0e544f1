using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
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
/// <remarks>
/// Mapping is most of the work and needs nothing but the record, so records are framed in batches that are mapped on
/// the thread pool (and by the reading thread itself while it waits), at most a few batches ahead; the verdicts are
/// then given on the reading thread, batch after batch in input order, so the duplicate check, the counts and the
/// quarantine see the records exactly as one thread would. With one core, or one batch, it is the same path on one
/// thread. Memory stays bounded by the batches in flight (about 1 MiB of records each).
/// </remarks>
internal sealed class LogSourceReader
{
    /// <summary>Records per batch: enough to pay for a hand-over to another thread many times over.</summary>
    public const int DefaultBatchRecords = 512;

    private readonly LogSource source;
    private readonly EventStreamReader reader;
    private readonly bool withAttributes;
    private readonly int parallelism;
    private readonly int batchRecords;
    private readonly ConcurrentBag<RecordMapper> mappers = [];
    private readonly Stack<MappingBatch> spare = new();

    /// <param name="mapper">The source's mapper (more are made like it for other threads).</param>
    /// <param name="reader">The job's reader: validation, de-duplication across inputs, quarantine.</param>
    /// <param name="withAttributes">Whether the events' attributes are wanted (see <see cref="RecordMapper.Map(ReadOnlySpan{byte}, bool, out EventDraft, out ReadOnlySpan{byte}, out string?)"/>).</param>
    /// <param name="parallelism">How many threads map at most (1: all on the reading thread); the processor count by default.</param>
    /// <param name="batchRecords">Records per batch.</param>
    public LogSourceReader(RecordMapper mapper, EventStreamReader reader, bool withAttributes, int parallelism = 0, int batchRecords = DefaultBatchRecords)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        source = mapper.Source;
        mappers.Add(mapper);
        this.reader = reader;
        this.withAttributes = withAttributes;
        this.parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        this.batchRecords = batchRecords;
    }

    /// <summary>How the input last read was framed (<c>cloudtrail-records</c>), once told; null before.</summary>
    public string? Container { get; private set; }

    /// <summary>The framer of a container: lines, or the elements of the root array or of CloudTrail's <c>Records</c>.</summary>
    internal static IRecordFramer Framer(Stream input, SourceContainers container) => container == SourceContainers.JsonLines
        ? new JsonLinesFramer(input)
        : new JsonArrayFramer(input, underRecords: container == SourceContainers.CloudtrailRecords);

    /// <summary>Reads every record of the decompressed input.</summary>
    /// <exception cref="BrokenContainerException">The source does not declare the input's framing, or the container breaks.</exception>
    public void Read(Stream events, string name, IEventSink sink, IngestionCounter counter)
    {
        var peeked = new PeekedStream(events, ContainerDetection.HeadLength);
        var container = ContainerDetection.Detect(peeked.Head);
        Container = ContainerDetection.Name(container);
        if (ContainerDetection.Check(container, source) is { } refusal)
        {
            throw new BrokenContainerException(refusal);
        }

        // Batches handed to other threads, oldest first; at most two per mapping thread, so memory stays bounded.
        var inFlight = new Queue<MappingBatch>();
        int mostInFlight = parallelism == 1 ? 0 : 2 * parallelism;
        ExceptionDispatchInfo? damage = null;
        using (var framer = Framer(peeked, container))
        {
            var batch = Take();
            while (true)
            {
                FramedLine line;
                try
                {
                    if (!framer.Next(out line))
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is BrokenContainerException or IOException or InvalidDataException)
                {
                    // The input breaks here (a container, a gzip cut off or corrupt, a stream gone): the records before
                    // it are judged first, as they would have been one by one, then the damage goes on up.
                    damage = ExceptionDispatchInfo.Capture(exception);
                    break;
                }

                batch.Add(line);
                if (!batch.IsFull)
                {
                    continue;
                }

                if (mostInFlight == 0)
                {
                    Judge(batch, name, sink, counter);
                }
                else
                {
                    var handed = batch;
                    long generation = handed.Generation;
                    handed.Mapping = Task.Run(() => MapIfUntaken(handed, generation));
                    inFlight.Enqueue(handed);
                    while (inFlight.Count > mostInFlight)
                    {
                        Judge(inFlight.Dequeue(), name, sink, counter, inFlight);
                    }
                }

                batch = Take();
            }

            while (inFlight.Count > 0)
            {
                Judge(inFlight.Dequeue(), name, sink, counter, inFlight);
            }

            Judge(batch, name, sink, counter);
        }

        damage?.Throw();
    }

    /// <summary>Gives the batch's records their verdicts, in order, once it is mapped (mapping it here if no thread has taken it yet).</summary>
    private void Judge(MappingBatch batch, string name, IEventSink sink, IngestionCounter counter, Queue<MappingBatch>? later = null)
    {
        if (batch.TryTake(batch.Generation))
        {
            Map(batch);
        }
        else if (!batch.IsMapped)
        {
            // Being mapped elsewhere: help with a later batch meanwhile rather than wait idle.
            foreach (var next in later ?? [])
            {
                if (next.TryTake(next.Generation))
                {
                    Map(next);
                    break;
                }
            }

            batch.Mapping!.GetAwaiter().GetResult();
        }

        for (int i = 0; i < batch.Count; i++)
        {
            var line = batch.Line(i);
            if (line.Kind != FramedLineKind.NotAnObject && reader.RejectFramingProblem(line, name, counter))
            {
                // An element that is no object went to the mapper, which refuses it as it refuses such a line.
                continue;
            }

            switch (batch.Outcome(i, out var draft, out var nativeName, out string? reason))
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

        batch.Clear();
        spare.Push(batch);
    }

    private void MapIfUntaken(MappingBatch batch, long generation)
    {
        if (batch.TryTake(generation))
        {
            Map(batch);
        }
    }

    private void Map(MappingBatch batch)
    {
        if (!mappers.TryTake(out var mapper))
        {
            mapper = new RecordMapper(source);
        }

        try
        {
            batch.Map(mapper, withAttributes);
        }
        finally
        {
            mappers.Add(mapper);
        }
    }

    private MappingBatch Take() => spare.TryPop(out var batch) ? batch : new MappingBatch(batchRecords);
}
