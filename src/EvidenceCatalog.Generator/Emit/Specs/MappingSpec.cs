using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

/// <summary>The control mappings compiled to a switch: one field per distinct set of controls, one case per event type.</summary>
internal sealed record MappingSpec(EquatableArray<ControlSetSpec> Sets, EquatableArray<EventMappingSpec> EventTypes);

/// <summary>A <c>static readonly ImmutableArray&lt;Control&gt;</c> field: its name and its initializer.</summary>
internal sealed record ControlSetSpec(string Field, string Value);

/// <summary>
/// One <c>case</c> of the event-type switch: the set for an outcome listed in <see cref="Outcomes"/>, else
/// <see cref="Default"/> (the controls whose rules take any outcome; an expression: a field or the empty array).
/// </summary>
internal sealed record EventMappingSpec(string EventType, string Default, EquatableArray<OutcomeMappingSpec> Outcomes)
{
    public bool HasOutcomes => Outcomes.Count > 0;
}

internal sealed record OutcomeMappingSpec(string Outcome, string Field);
