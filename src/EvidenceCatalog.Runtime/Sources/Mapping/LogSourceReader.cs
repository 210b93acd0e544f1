using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
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
/// the thread pool (and by the judging thread itself while it waits); the verdicts are then given on the calling thread,
/// batch after batch in input order, so the duplicate check, the counts, the quarantine and the store see the records
/// exactly as one thread would. Framing runs on a thread of its own, a bounded number of batches ahead of the judging,
/// so reading, mapping and judging (with the store's writes) go on at once instead of taking turns. With one core it is
/// the same path on one thread. Memory stays bounded by the batches in flight (about 1 MiB of records each).
/// </remarks>
internal sealed class LogSourceReader
{
    /// <summary>Records per batch: enough to pay for a hand-over to another thread many times over.</summary>
    public const int DefaultBatchRecords = 512;

    /// <summary>
    /// Batches framed ahead of the one being judged, at most (and at least two per mapping thread): 16 kept both cores
    /// busy while the judging thread worked, with 20 MB more memory than 4; 64 to 256, which would also cover a store's
    /// commit, measured no faster and took up to 250 MB more (bench/README.md, "Framing on its own thread").
    /// </summary>
    public const int DefaultInFlightBatches = 16;

    private readonly LogSource source;
    private readonly EventStreamReader reader;
    private readonly bool withAttributes;
    private readonly int parallelism;
    private readonly int batchRecords;
    private readonly int inFlightBatches;
    private readonly ConcurrentBag<RecordMapper> mappers = [];
    private readonly ConcurrentStack<MappingBatch> spare = new();

    /// <param name="mapper">The source's mapper (more are made like it for other threads).</param>
    /// <param name="reader">The job's reader: validation, de-duplication across inputs, quarantine.</param>
    /// <param name="withAttributes">Whether the events' attributes are wanted (see <see cref="RecordMapper.Map(ReadOnlySpan{byte}, bool, out EventDraft, out ReadOnlySpan{byte}, out string?)"/>).</param>
    /// <param name="parallelism">How many threads map at most (1: all on the reading thread); the processor count by default.</param>
    /// <param name="batchRecords">Records per batch.</param>
    /// <param name="inFlightBatches">Batches framed ahead of the judging, at most (at least two per mapping thread).</param>
    public LogSourceReader(RecordMapper mapper, EventStreamReader reader, bool withAttributes, int parallelism = 0, int batchRecords = DefaultBatchRecords, int inFlightBatches = DefaultInFlightBatches)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        source = mapper.Source;
        mappers.Add(mapper);
        this.reader = reader;
        this.withAttributes = withAttributes;
        this.parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        this.batchRecords = batchRecords;
        this.inFlightBatches = Math.Max(2 * this.parallelism, inFlightBatches);
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

        using var framer = Framer(peeked, container);
        if (parallelism == 1)
        {
            ReadOnOneThread(framer, name, sink, counter);
        }
        else
        {
            ReadPipelined(framer, name, sink, counter);
        }
    }

    /// <summary>Frames, maps and judges one batch after the other on the calling thread.</summary>
    private void ReadOnOneThread(IRecordFramer framer, string name, IEventSink sink, IngestionCounter counter)
    {
        while (true)
        {
            var batch = Take();
            var damage = Frame(framer, batch, out bool end);
            Judge(batch, name, sink, counter);

            // The input breaks here (a container, a gzip cut off or corrupt, a stream gone): the records before it were
            // judged first, as they would have been one by one; then the damage goes on up.
            damage?.Throw();
            if (end)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Frames on a thread of its own, each batch handed to the thread pool to map as soon as it is framed, and judges on
    /// the calling thread in input order. The framing thread stops when the input ends or breaks (its damage goes up once
    /// the records before it are judged), and is stopped when the judging fails (a store error): it is always over when
    /// this returns, so the input is never read after its reader is disposed.
    /// </summary>
    private void ReadPipelined(IRecordFramer framer, string name, IEventSink sink, IngestionCounter counter)
    {
        // Framed batches not yet judged, oldest first, guarded by its own lock.
        var framed = new Queue<MappingBatch>();
        bool framingOver = false;
        bool judgingOver = false;
        ExceptionDispatchInfo? damage = null;

        var framing = new Thread(() =>
        {
            try
            {
                while (true)
                {
                    var batch = Take();
                    var broken = Frame(framer, batch, out bool end);
                    long generation = batch.Generation;
                    batch.Mapping = Task.Run(() => MapIfUntaken(batch, generation));
                    lock (framed)
                    {
                        while (framed.Count >= inFlightBatches && !judgingOver)
                        {
                            Monitor.Wait(framed);
                        }

                        if (judgingOver)
                        {
                            return;
                        }

                        framed.Enqueue(batch);
                        Monitor.PulseAll(framed);
                    }

                    if (end)
                    {
                        damage = broken;
                        return;
                    }
                }
            }
            catch (Exception exception)
            {
                // Not expected (damage is told apart in Frame); it goes up on the calling thread after the records before it.
                damage = ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                lock (framed)
                {
                    framingOver = true;
                    Monitor.PulseAll(framed);
                }
            }
        })
        {
            IsBackground = true,
            Name = "evidence framing",
        };

        framing.Start();
        try
        {
            while (true)
            {
                MappingBatch batch;
                lock (framed)
                {
                    while (framed.Count == 0 && !framingOver)
                    {
                        Monitor.Wait(framed);
                    }

                    if (framed.Count == 0)
                    {
                        break;
                    }

                    batch = framed.Dequeue();
                    Monitor.PulseAll(framed);
                }

                Judge(batch, name, sink, counter, framed);
            }
        }
        finally
        {
            lock (framed)
            {
                judgingOver = true;
                Monitor.PulseAll(framed);
            }

            framing.Join();
        }

        damage?.Throw();
    }

    /// <summary>Fills the batch with the next records; the damage that stopped the framing, if any. At the end of the input (or at damage), <paramref name="end"/>.</summary>
    private static ExceptionDispatchInfo? Frame(IRecordFramer framer, MappingBatch batch, out bool end)
    {
        end = false;
        while (!batch.IsFull)
        {
            FramedLine line;
            try
            {
                if (!framer.Next(out line))
                {
                    end = true;
                    return null;
                }
            }
            catch (Exception exception) when (exception is BrokenContainerException or IOException or InvalidDataException)
            {
                end = true;
                return ExceptionDispatchInfo.Capture(exception);
            }

            batch.Add(line);
        }

        return null;
    }

    /// <summary>
    /// Gives the batch's records their verdicts, in order, once it is mapped (mapping it here if no thread has taken it
    /// yet), then keeps it for reuse. While another thread maps it, this one maps one of <paramref name="later"/> (the
    /// batches framed after it, locked while looked at), rather than wait idle.
    /// </summary>
    private void Judge(MappingBatch batch, string name, IEventSink sink, IngestionCounter counter, Queue<MappingBatch>? later = null)
    {
        if (batch.TryTake(batch.Generation))
        {
            Map(batch);
        }
        else if (!batch.IsMapped)
        {
            if (later is not null && Untaken(later) is { } next)
            {
                Map(next);
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

    /// <summary>The first of the batches that no thread has claimed yet, claimed for this one; null when all are taken.</summary>
    private static MappingBatch? Untaken(Queue<MappingBatch> batches)
    {
        lock (batches)
        {
            foreach (var batch in batches)
            {
                if (batch.TryTake(batch.Generation))
                {
                    return batch;
                }
            }
        }

        return null;
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
