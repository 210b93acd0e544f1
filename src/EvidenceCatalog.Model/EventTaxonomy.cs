namespace EvidenceCatalog.Model;

/// <summary>An event type the services emit, with the outcomes it can have.</summary>
public sealed record EventType(string Id, string Description, string? Category, EquatableArray<string> Outcomes);

/// <summary>A named count over events of one type (and some of its outcomes), shown in the security metrics section.</summary>
public sealed record SecurityMetric(string Id, string Name, string Description, string EventType, EquatableArray<string> Outcomes);
