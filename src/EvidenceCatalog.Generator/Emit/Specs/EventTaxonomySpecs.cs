using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

internal sealed record EventTypeSpec(string Member, EquatableArray<string> Doc, string Id, string Description, string Category, string Outcomes);

internal sealed record MetricSpec(string Member, EquatableArray<string> Doc, string Id, string Name, string Description, string EventType, string Outcomes);
