namespace EvidenceCatalog.Model;

/// <summary>An event type the services emit, with the outcomes it can have.</summary>
/// <param name="Id">Dotted event type id (e.g. policy.decision, auth.login); the 'type' field of an event.</param>
/// <param name="Description">What the event records and when it is emitted.</param>
/// <param name="Category">Area the event type belongs to.</param>
/// <param name="Outcomes">The outcomes an event of this type may carry (e.g. allow, deny).</param>
public sealed record EventType(string Id, string Description, string? Category, EquatableArray<string> Outcomes);

/// <summary>A named count over events of one type (and some of its outcomes), shown in the security metrics section.</summary>
/// <param name="Id">Metric id, kebab-case (e.g. failed-auth-attempts).</param>
/// <param name="Name">Display name of the metric.</param>
/// <param name="Description">What the metric measures and why it matters.</param>
/// <param name="EventType">Dotted id of the declared event type the metric counts.</param>
/// <param name="Outcomes">Outcomes counted; each must be declared for the event type. Absent means every outcome.</param>
public sealed record SecurityMetric(string Id, string Name, string Description, string EventType, EquatableArray<string> Outcomes);
