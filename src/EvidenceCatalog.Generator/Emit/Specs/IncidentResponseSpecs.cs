using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

internal sealed record SeveritySpec(string Member, EquatableArray<string> Doc, string Id, string Name, string ResponseMinutes, string Description);

/// <summary>A procedure; <see cref="Steps"/> is the whole <c>EquatableArray&lt;ProcedureStep&gt;</c> expression.</summary>
internal sealed record ProcedureSpec(
    string Member,
    EquatableArray<string> Doc,
    string Id,
    string Name,
    string Phase,
    string Severity,
    string Description,
    string Steps,
    string Severities,
    string LastTested);

internal sealed record ResponderSpec(string Member, EquatableArray<string> Doc, string Id, string Name, string OnCall, string Escalation);
