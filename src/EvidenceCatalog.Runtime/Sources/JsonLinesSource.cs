using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Event inputs (JSON Lines, or JSON arrays) read as streams, one after the other (never a whole file in memory), each with its SHA-256 and
/// size taken as it is read. An input that is damaged (a gzip that breaks off, a stream cut off by an I/O error)
/// stops where the damage is: the records before it are kept and counted, and the input is marked damaged with the reason.
/// </summary>
public sealed class JsonLinesSource : IEvidenceSource
{
    private readonly IReadOnlyList<JsonLinesInput> inputs;

    public JsonLinesSource(IReadOnlyList<JsonLinesInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("give at least one input", nameof(inputs));
        }

        this.inputs = inputs;
    }

    public JsonLinesSource(params JsonLinesInput[] inputs)
        : this((IReadOnlyList<JsonLinesInput>)inputs)
    {
    }

    public string Kind => "events";

    /// <summary>The inputs, in reading order.</summary>
    public IReadOnlyList<JsonLinesInput> Inputs => inputs;

    /// <summary>Told the size of every read from the inputs as given (compressed bytes for gzip), for a progress bar.</summary>
    public Action<long>? Progress { get; init; }

    public Task<IReadOnlyList<InputRead>> ReadAsync(EventStreamReader reader, IEvidenceReceiver receiver, EvidenceScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(receiver);
        var read = new List<InputRead>(inputs.Count);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read.Add(ReadOne(input, reader, receiver));
        }

        return Task.FromResult<IReadOnlyList<InputRead>>(read);
    }

    public Task<IReadOnlyList<InputRead>> FillTallyAsync(EventStreamReader reader, EvidenceTally tally, CancellationToken cancellationToken) =>
        ReadAsync(reader, new SingleSinkReceiver(tally), null, cancellationToken);

    private InputRead ReadOne(JsonLinesInput input, EventStreamReader reader, IEvidenceReceiver receiver) =>
        InputReading.Read(input, receiver, Progress, (events, sink, counter) => reader.Read(events, input.Name, sink, counter, input.Container));
}
