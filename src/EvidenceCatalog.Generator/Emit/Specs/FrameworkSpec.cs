using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

/// <summary>A framework: a static class of its own (<c>Soc2</c>) with a member per criterion.</summary>
internal sealed record FrameworkSpec(
    string ClassName,
    EquatableArray<string> Doc,
    string Id,
    string Name,
    string Version,
    string Publisher,
    string Description,
    EquatableArray<CriterionSpec> Criteria);

internal sealed record CriterionSpec(string Member, EquatableArray<string> Doc, string Id, string Category, string Title);
