namespace EvidenceCatalog.Model;

/// <summary>An incident severity and the time within which the response must start.</summary>
/// <param name="Id">Severity id: P followed by one digit (e.g. P1).</param>
/// <param name="Name">Display name of the severity (e.g. Critical).</param>
/// <param name="ResponseMinutes">Time to first response, in minutes.</param>
/// <param name="Description">When an incident has this severity.</param>
public sealed record Severity(string Id, string Name, int ResponseMinutes, string? Description);

/// <summary>
/// An incident-response procedure of one phase, written for one <see cref="Severity"/>, for several
/// (<see cref="Severities"/>), or for any severity when neither is declared. <see cref="LastTested"/>, when declared, is
/// the day it was last exercised (EC4009 when longer ago than the policies allow).
/// </summary>
/// <param name="Id">Procedure id, kebab-case (e.g. data-breach).</param>
/// <param name="Name">Display name of the procedure.</param>
/// <param name="Phase">Incident response phase the procedure belongs to.</param>
/// <param name="Severity">Severity (declared in this file) the procedure is written for. Absent, with no severities, means any severity; give severities instead for several.</param>
/// <param name="Description">What the procedure achieves and when to run it.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Severities">Severities (declared in this file) the procedure is written for, when it covers several (e.g. [P1, P2, P3]). Use either severity or severities.</param>
/// <param name="LastTested">Date the procedure was last exercised in a drill or tabletop (YYYY-MM-DD). A test longer ago than the policies catalog's staleness.runbookTestMonths (12 by default) on the as-of date is a warning (EC4009).</param>
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
/// <param name="Action">What to do.</param>
/// <param name="Role">Who carries out the step: a responder declared in the runbooks catalog (e.g. on-call-engineer) or a role declared in the access catalog.</param>
/// <param name="SlaMinutes">Time allowed for the step, in minutes from the start of the procedure.</param>
/// <param name="Tools">Tools used in the step (e.g. PagerDuty, Datadog).</param>
/// <param name="Escalation">When and to whom to escalate if the step cannot be completed in time.</param>
public sealed record ProcedureStep(string Action, string Role, int SlaMinutes, EquatableArray<string> Tools, string? Escalation);

/// <summary>
/// Someone the runbooks call on: an on-call role of the incident response (not an access-catalog role), with whom to
/// escalate to when they cannot act.
/// </summary>
/// <param name="Id">Responder id, kebab-case (e.g. on-call-engineer); steps name it as their role. Where a role of the access catalog has the same id, a step naming it means the responder.</param>
/// <param name="Name">Display name of the responder (e.g. On-call Engineer).</param>
/// <param name="OnCall">What the responder is on call for and how they are reached (e.g. the primary PagerDuty rotation of the SRE team).</param>
/// <param name="Escalation">Whom to escalate to when the responder cannot act (e.g. Head of Security, by phone).</param>
public sealed record Responder(string Id, string Name, string OnCall, string? Escalation);

public enum IncidentPhase
{
    DetectionTriage,
    Containment,
    EradicationRecovery,
    PostIncident,
}
