using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>One audit event as a service emits it (DESIGN.md, "Events"): the managed form used by the library API and the stores.</summary>
/// <param name="Id">Unique per event within an account; the key for de-duplication.</param>
/// <param name="Time">When it happened, with its offset.</param>
/// <param name="Type">A type declared in the events catalog, e.g. <c>policy.decision</c>.</param>
/// <param name="Outcome">One of the outcomes the catalog declares for the type, or null.</param>
/// <param name="Actor">Who did it: <c>user:alice@example.com</c>, <c>service:billing</c>.</param>
/// <param name="Account">The tenant or organisation.</param>
public sealed record AuditEvent(string Id, DateTimeOffset Time, string Type, string? Outcome, string Actor, string Account)
{
    /// <summary>What it touched.</summary>
    public string? Resource { get; init; }

    /// <summary>Where it came from.</summary>
    public string? Ip { get; init; }

    /// <summary>Anything else, as the JSON text of an object, kept as is.</summary>
    public string? Attributes { get; init; }
}
