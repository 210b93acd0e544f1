using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

/// <summary>A control; <see cref="Evidence"/> is the whole <c>EquatableArray&lt;EvidenceRule&gt;</c> expression, <see cref="Manual"/> the <c>ManualEvidence</c> one (or <c>null</c>).</summary>
internal sealed record ControlSpec(
    string Member,
    EquatableArray<string> Doc,
    string Id,
    string Name,
    string Description,
    string Owner,
    string Criteria,
    string Cadence,
    string Evidence,
    string Manual,
    string LastReviewed,
    string ReviewEveryMonths);
