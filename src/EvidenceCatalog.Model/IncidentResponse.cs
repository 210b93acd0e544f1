namespace EvidenceCatalog.Model;

/// <summary>An incident severity and the time within which the response must start.</summary>
/// <param name="Id">Severity id: P followed by one digit (e.g. P1).</param>
/// <param name="Name">Display name of the severity (e.g. Critical).</param>
/// <param name="ResponseMinutes">Time to first response, in minutes.</param>
/// <param name="Description">When an incident has this severity.</param>
public sealed record Severity(string Id, string Name, int ResponseMinutes, string? Description);

/// <summary>An incident-response procedure of one phase.</summary>
/// <param name="Id">Procedure id, kebab-case (e.g. data-breach).</param>
/// <param name="Name">Display name of the procedure.</param>
/// <param name="Phase">Incident response phase the procedure belongs to.</param>
/// <param name="Severity">Severity (declared in this file) the procedure is written for. Absent means any severity.</param>
/// <param name="Description">What the procedure achieves and when to run it.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record Procedure(string Id, string Name, IncidentPhase Phase, string? Severity, string? Description, EquatableArray<ProcedureStep> Steps);

/// <summary>One step of a procedure.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Role">Role (declared in the access catalog) responsible for the step.</param>
/// <param name="SlaMinutes">Time allowed for the step, in minutes from the start of the procedure.</param>
/// <param name="Tools">Tools used in the step (e.g. PagerDuty, Datadog).</param>
/// <param name="Escalation">When and to whom to escalate if the step cannot be completed in time.</param>
public sealed record ProcedureStep(string Action, string Role, int SlaMinutes, EquatableArray<string> Tools, string? Escalation);

public enum IncidentPhase
{
    DetectionTriage,
    Containment,
    EradicationRecovery,
    PostIncident,
}
