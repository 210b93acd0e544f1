using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Sources.Mapping;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// One input of a run: a file or stream of a log source's records and the source that maps them, or (with no source)
/// of the product's own evidence events.
/// </summary>
/// <param name="Input">The file or stream (gzip recognised; JSON Lines, a JSON array or a CloudTrail file, as the source declares).</param>
/// <param name="Source">The log source definition (a <c>sources</c> catalog entry); null when the input holds evidence events.</param>
public sealed record MappedInput(JsonLinesInput Input, LogSource? Source)
{
    /// <summary>How hosts name the input's source: its id, or <c>native</c> for evidence events.</summary>
    public string SourceId => Source?.Id ?? LogSourceIds.Native;
}

/// <summary>
/// The files of log sources (CloudTrail, Okta, …) read as evidence events through their source definitions
/// (docs/sources.md): each input framed as its source declares (detected from its first bytes), each record mapped by
/// the source's rules and then validated, de-duplicated and counted exactly as a native event. A record the source
/// recognises but no rule maps is counted as unmapped under its native name; one it cannot map is rejected with the
/// reason. Inputs are read as streams, one after the other, with their SHA-256 and size, and a damaged input (a gzip
/// that breaks off, a broken or undeclared container) keeps its records up to the damage. An input without a source
/// holds evidence events, read exactly as <see cref="JsonLinesSource"/> reads them, so that one run can mix both (and
/// find duplicates across them). A log source's records are mapped on all cores and judged in input order
/// (<see cref="LogSourceReader"/>): the result is the same as on one.
/// </summary>
public sealed class MappedJsonSource : IEvidenceSource
{
    private readonly IReadOnlyList<MappedInput> inputs;

    /// <exception cref="LogSourceDefinitionException">A source's definition cannot map records (a malformed pointer or template, say).</exception>
    public MappedJsonSource(IReadOnlyList<MappedInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("give at least one input", nameof(inputs));
        }

        this.inputs = inputs;

        // Checked now, so that a bad definition fails before anything is read.
        foreach (var source in Sources())
        {
            _ = new RecordMapper(source);
        }
    }

    /// <summary>Inputs of one source.</summary>
    /// <exception cref="LogSourceDefinitionException">The source's definition cannot map records.</exception>
    public MappedJsonSource(LogSource source, params JsonLinesInput[] inputs)
        : this((inputs ?? throw new ArgumentNullException(nameof(inputs))).Select(i => new MappedInput(i, source)).ToArray())
    {
    }

    /// <summary>Log sources' records become events, so a report names them as it names events.</summary>
    public string Kind => "events";

    /// <summary>The inputs, in reading order, each with its source.</summary>
    public IReadOnlyList<MappedInput> Inputs => inputs;

    /// <summary>Told the size of every read from the inputs as given (compressed bytes for gzip), for a progress bar.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>How many threads map records at most (1: the reading thread alone); the processor count when 0.</summary>
    internal int Parallelism { get; init; }

    /// <summary>Records mapped as one batch (small in tests, so that an input spans many batches).</summary>
    internal int BatchRecords { get; init; } = LogSourceReader.DefaultBatchRecords;

    public Task<IReadOnlyList<InputRead>> ReadAsync(EventStreamReader reader, IEvidenceReceiver receiver, EvidenceScope? scope, CancellationToken cancellationToken) =>
        Read(reader, receiver, withAttributes: true, cancellationToken);

    /// <summary>Fills a report's tally, which keeps no attributes: they are not written (the records are judged exactly as when they are).</summary>
    public Task<IReadOnlyList<InputRead>> FillTallyAsync(EventStreamReader reader, EvidenceTally tally, CancellationToken cancellationToken) =>
        Read(reader, new SingleSinkReceiver(tally), withAttributes: false, cancellationToken);

    private Task<IReadOnlyList<InputRead>> Read(EventStreamReader reader, IEvidenceReceiver receiver, bool withAttributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(receiver);

        // One mapper per source and run: a mapper holds the record it is mapping.
        var readers = Sources().ToDictionary(s => s, s => new LogSourceReader(new RecordMapper(s), reader, withAttributes, Parallelism, BatchRecords));
        var read = new List<InputRead>(inputs.Count);
        foreach (var (input, source) in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source is null)
            {
                read.Add(InputReading.Read(input, receiver, Progress, (events, sink, counter) => reader.Read(events, input.Name, sink, counter, input.Container)));
                continue;
            }

            var records = readers[source];
            read.Add(InputReading.Read(
                input,
                receiver,
                Progress,
                (events, sink, counter) => records.Read(events, input.Name, sink, counter),
                source.Id,
                () => records.Container));
        }

        return Task.FromResult<IReadOnlyList<InputRead>>(read);
    }

    private IEnumerable<LogSource> Sources() =>
        inputs.Select(i => i ?? throw new ArgumentException("an input is null", nameof(inputs))).Where(i => i.Source is not null).Select(i => i.Source!).Distinct();
}
