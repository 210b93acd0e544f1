using System;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// The fields of one event before it is checked: UTF-8 slices of a native record's own line (<see cref="EventFields"/>),
/// or of a log source's record and a mapper's scratch (<see cref="Sources.Mapping.RecordMapper"/>). Both kinds of record
/// meet the same <see cref="EventValidator"/> through it, so an event is judged by one rule whichever way it came.
/// </summary>
internal readonly ref struct EventDraft
{
    public ReadOnlySpan<byte> Id { get; init; }

    /// <summary>The RFC 3339 text of the instant; unused when <see cref="TimeParsed"/>.</summary>
    public ReadOnlySpan<byte> Time { get; init; }

    /// <summary>True when the instant was already read (a source's own time format) into <see cref="UtcTicks"/>.</summary>
    public bool TimeParsed { get; init; }

    public long UtcTicks { get; init; }

    public ReadOnlySpan<byte> Type { get; init; }

    /// <summary>False when the event has no outcome (absent or null); then <see cref="Outcome"/> is not read.</summary>
    public bool HasOutcome { get; init; }

    public ReadOnlySpan<byte> Outcome { get; init; }

    public ReadOnlySpan<byte> Actor { get; init; }

    public ReadOnlySpan<byte> Account { get; init; }

    /// <summary>Empty when absent.</summary>
    public ReadOnlySpan<byte> Resource { get; init; }

    /// <summary>Empty when absent.</summary>
    public ReadOnlySpan<byte> Ip { get; init; }

    /// <summary>The raw JSON text of the attributes object; empty when absent.</summary>
    public ReadOnlySpan<byte> Attributes { get; init; }
}
