namespace EvidenceCatalog.Model;

/// <summary>An incident severity and the time within which the response must start.</summary>
public sealed record Severity(string Id, string Name, int ResponseMinutes, string? Description);

/// <summary>An incident-response procedure of one phase.</summary>
public sealed record Procedure(string Id, string Name, IncidentPhase Phase, string? Severity, string? Description, EquatableArray<ProcedureStep> Steps);

public sealed record ProcedureStep(string Action, string Role, int SlaMinutes, EquatableArray<string> Tools, string? Escalation);

public enum IncidentPhase
{
    DetectionTriage,
    Containment,
    EradicationRecovery,
    PostIncident,
}
