using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

/// <summary>A log source; every value is a C# expression, <see cref="Rules"/> one per rule so that each gets a line of its own.</summary>
internal sealed record LogSourceSpec(
    string Member,
    EquatableArray<string> Doc,
    string Id,
    string Name,
    string Description,
    string Containers,
    string Recognize,
    string Time,
    string Account,
    string EventId,
    string NativeName,
    string Actor,
    string Resource,
    string Ip,
    EquatableArray<string> Rules);
