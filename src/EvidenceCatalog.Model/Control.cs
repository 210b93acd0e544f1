namespace EvidenceCatalog.Model;

/// <summary>A control of the organisation: which criteria it satisfies and which events prove it operates.</summary>
public sealed record Control(
    string Id,
    string Name,
    string Description,
    string Owner,
    EquatableArray<string> Criteria,
    Cadence Cadence,
    EquatableArray<EvidenceRule> Evidence);

/// <summary>Events of <see cref="EventType"/> with one of <see cref="Outcomes"/> (any outcome when empty) are evidence.</summary>
public sealed record EvidenceRule(string EventType, EquatableArray<string> Outcomes, string? Description);

public enum Cadence
{
    Continuous,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Annually,
}
