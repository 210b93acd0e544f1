namespace EvidenceCatalog.Model;

/// <summary>An incident severity and the time within which the response must start.</summary>
public sealed record Severity(string Id, string Name, int ResponseMinutes, string? Description);

/// <summary>
/// An incident-response procedure of one phase, written for one <see cref="Severity"/>, for several
/// (<see cref="Severities"/>), or for any severity when neither is declared. <see cref="LastTested"/>, when declared, is
/// the day it was last exercised (EC4009 when longer ago than the policies allow).
/// </summary>
public sealed record Procedure(
    string Id,
    string Name,
    IncidentPhase Phase,
    string? Severity,
    string? Description,
    EquatableArray<ProcedureStep> Steps,
    EquatableArray<string> Severities = default,
    CalendarDate? LastTested = null)
{
    /// <summary>The severities the procedure covers, whichever form declared them; empty for any severity.</summary>
    public EquatableArray<string> CoveredSeverities =>
        Severities.Count > 0 ? Severities : Severity is { } one ? new[] { one }.ToEquatableArray() : EquatableArray<string>.Empty;
}

/// <summary>
/// One step of a procedure. <see cref="Role"/> names who carries it out: a responder of the runbooks catalog or a role of
/// the access catalog.
/// </summary>
public sealed record ProcedureStep(string Action, string Role, int SlaMinutes, EquatableArray<string> Tools, string? Escalation);

/// <summary>
/// Someone the runbooks call on: an on-call role of the incident response (not an access-catalog role), with whom to
/// escalate to when they cannot act.
/// </summary>
/// <param name="Id">The id steps name as their owner, kebab-case.</param>
/// <param name="Name">Display name (On-call Engineer).</param>
/// <param name="OnCall">What the responder is on call for, and how they are reached.</param>
/// <param name="Escalation">Whom to escalate to, when declared.</param>
public sealed record Responder(string Id, string Name, string OnCall, string? Escalation);

public enum IncidentPhase
{
    DetectionTriage,
    Containment,
    EradicationRecovery,
    PostIncident,
}
