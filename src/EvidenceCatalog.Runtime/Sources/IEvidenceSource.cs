using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Where a job's events come from: JSON Lines files or streams (<see cref="JsonLinesSource"/>), events handed in by a
/// service (<see cref="AuditEventSource"/>), or an event store (<see cref="StoreSource"/>). A source reads its inputs
/// one after the other through the job's <see cref="EventStreamReader"/> into whatever sink the job gives each input,
/// and says what it read: each input's provenance and counts.
/// </summary>
public interface IEvidenceSource
{
    /// <summary>How a report's meta names the kind of source: <c>events</c> or <c>store</c>.</summary>
    string Kind { get; }

    /// <summary>Reads every event, input by input, into the sinks <paramref name="receiver"/> gives.</summary>
    /// <param name="reader">Validates, de-duplicates and quarantines; records every verdict in the input's counter.</param>
    /// <param name="receiver">Gives each input its sink, and hears when it ends.</param>
    /// <param name="scope">The events the job needs; a source that can select (a store) may skip the others. Null: all.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    Task<IReadOnlyList<InputRead>> ReadAsync(EventStreamReader reader, IEvidenceReceiver receiver, EvidenceScope? scope, CancellationToken cancellationToken);

    /// <summary>Fills a report's tally: a store aggregates inside the database; any other source reads every event into it.</summary>
    Task<IReadOnlyList<InputRead>> FillTallyAsync(EventStreamReader reader, EvidenceTally tally, CancellationToken cancellationToken);
}

/// <summary>What a source's inputs go into.</summary>
public interface IEvidenceReceiver
{
    /// <summary>An input starts; its events go to the sink returned, and its verdicts into <paramref name="counter"/>.</summary>
    IEventSink BeginInput(string name, IngestionCounter counter);

    /// <summary>
    /// The input has been read (to its end, or to the damage that stopped it): a store commits what it holds, and
    /// resolves its pending verdicts, before the source takes the input's counts.
    /// </summary>
    void EndInput(InputProvenance input);
}

/// <summary>Every input into one sink (a report's tally, a CSV export).</summary>
public sealed class SingleSinkReceiver(IEventSink sink) : IEvidenceReceiver
{
    private readonly IEventSink sink = sink ?? throw new ArgumentNullException(nameof(sink));

    public IEventSink BeginInput(string name, IngestionCounter counter) => sink;

    public void EndInput(InputProvenance input)
    {
    }
}

/// <summary>The events a job needs: one account's, in a UTC range.</summary>
public sealed record EvidenceScope(string Account, DateTimeOffset FromUtc, DateTimeOffset ToUtcExclusive);

/// <summary>One input as read: where it came from, and what became of its records.</summary>
public sealed record InputRead(InputProvenance Provenance, IngestionCounts Counts);

/// <summary>
/// How an input is named in a report, so that an auditor can find it and check it is the same: a file by its path
/// relative to the working directory (or its name alone when it lies elsewhere), with its size and SHA-256 — never an
/// absolute path of the machine that built the report; a store by its location with any secret left out.
/// </summary>
/// <param name="Name">The input's name.</param>
public sealed record InputProvenance(string Name)
{
    /// <summary>SHA-256 of the input's bytes as given (compressed, for a gzip file), lowercase hex; null for a store.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The input's size in bytes, as given; null for a store.</summary>
    public long? Bytes { get; init; }

    /// <summary>The id of the log source whose records the input holds (mapped to events by its rules); null for events.</summary>
    public string? LogSource { get; init; }

    /// <summary>How a log source's input was framed (<c>json-lines</c>, <c>json-array</c>, <c>cloudtrail-records</c>); null for events.</summary>
    public string? Container { get; init; }

    /// <summary>Why reading stopped before the input's end (a damaged gzip, say); null when it was read whole.</summary>
    public string? Damaged { get; init; }
}
