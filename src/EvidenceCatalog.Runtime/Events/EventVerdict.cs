using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>What became of one record.</summary>
public enum EventVerdictKind : byte
{
    /// <summary>Valid and new: it is evidence now.</summary>
    Accepted,

    /// <summary>Valid, but its (account, id) was already accepted: the first one wins.</summary>
    Duplicate,

    /// <summary>Refused, with a reason; quarantined.</summary>
    Rejected,

    /// <summary>Handed to a store that says whether it was new only when it commits the batch.</summary>
    Pending,
}

/// <summary>A sink's answer to one event: accepted, a duplicate, rejected with a reason, or pending its batch.</summary>
public readonly struct EventVerdict : IEquatable<EventVerdict>
{
    private EventVerdict(EventVerdictKind kind, string? reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public static EventVerdict Accepted => new(EventVerdictKind.Accepted, null);

    public static EventVerdict Duplicate => new(EventVerdictKind.Duplicate, null);

    public static EventVerdict Pending => new(EventVerdictKind.Pending, null);

    public EventVerdictKind Kind { get; }

    /// <summary>Why it was rejected (what is wrong and what to do, one line); null otherwise.</summary>
    public string? Reason { get; }

    public static EventVerdict Rejected(string reason) =>
        new(EventVerdictKind.Rejected, string.IsNullOrEmpty(reason) ? throw new ArgumentException("a rejection needs a reason", nameof(reason)) : reason);

    public bool Equals(EventVerdict other) => Kind == other.Kind && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EventVerdict other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Reason);

    public override string ToString() => Reason is null ? Kind.ToString() : Kind + ": " + Reason;

    public static bool operator ==(EventVerdict left, EventVerdict right) => left.Equals(right);

    public static bool operator !=(EventVerdict left, EventVerdict right) => !left.Equals(right);
}

/// <summary>
/// Receives each valid event seen for the first time, in input order, and answers what became of it. A sink never
/// counts: the reader records its verdict in the one <see cref="IngestionCounter"/>.
/// </summary>
public interface IEventSink
{
    EventVerdict Accept(in EventRecord record);
}
