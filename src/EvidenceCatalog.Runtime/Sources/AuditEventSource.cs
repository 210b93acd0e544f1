using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>Events a service hands in as they come (the library API): one input, each event checked exactly as a line would be.</summary>
public sealed class AuditEventSource : IEvidenceSource
{
    private readonly IAsyncEnumerable<AuditEvent> events;
    private readonly string name;

    /// <param name="events">The events, in any order.</param>
    /// <param name="name">How the report and rejections name them.</param>
    public AuditEventSource(IAsyncEnumerable<AuditEvent> events, string name = "events")
    {
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        ArgumentException.ThrowIfNullOrEmpty(name);
        this.name = name;
    }

    public string Kind => "events";

    public async Task<IReadOnlyList<InputRead>> ReadAsync(EventStreamReader reader, IEvidenceReceiver receiver, EvidenceScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(receiver);
        var counter = new IngestionCounter();
        var sink = receiver.BeginInput(name, counter);
        long ordinal = 0;
        await foreach (var auditEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            reader.Read(auditEvent, ++ordinal, name, sink, counter);
        }

        var provenance = new InputProvenance(name);
        receiver.EndInput(provenance);
        return [new InputRead(provenance, counter.Snapshot())];
    }

    public Task<IReadOnlyList<InputRead>> FillTallyAsync(EventStreamReader reader, EvidenceTally tally, CancellationToken cancellationToken) =>
        ReadAsync(reader, new SingleSinkReceiver(tally), null, cancellationToken);
}
