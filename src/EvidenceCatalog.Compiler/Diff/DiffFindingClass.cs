using System;
using System.Collections.Generic;
using System.Linq;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>
/// A kind of finding <c>evidence diff</c> reports: what a change means for the audit, beyond which fields moved.
/// Each has a stable id and a section in docs/pull-requests.md; a regression class fails <c>--fail-on regression</c>.
/// </summary>
/// <param name="Id">Stable id: <c>ECD001</c>.</param>
/// <param name="Name">PascalCase name, as SARIF rules carry it.</param>
/// <param name="Title">What the finding says, in a few words.</param>
/// <param name="Kind">The catalog kind the finding is about.</param>
/// <param name="IsRegression">True when the change weakens what the catalogs promise an auditor.</param>
/// <param name="Help">Why it matters and what to do, in a sentence or two.</param>
public sealed record DiffFindingClass(string Id, string Name, string Title, string Kind, bool IsRegression, string Help)
{
    public static readonly DiffFindingClass CriterionLostLastControl = new(
        "ECD001", "CriterionLostLastControl", "Criterion lost its last control", "controls", true,
        "No control of HEAD names a criterion that BASE's controls covered: the criterion is no longer evidenced at all. Keep a control that names it, or remove it from the framework on purpose.");

    public static readonly DiffFindingClass CriterionLostLastEvidencedControl = new(
        "ECD002", "CriterionLostLastEvidencedControl", "Criterion lost its last control with evidence rules", "controls", true,
        "A criterion is still named by controls, but none of them has an evidence rule any more: nothing in the event stream proves it, so it becomes a manual evidence request.");

    public static readonly DiffFindingClass ControlLostEvidence = new(
        "ECD003", "ControlLostEvidence", "Control lost evidence rules", "controls", true,
        "A control no longer takes an event type (or some outcomes of it) as evidence that it took before: fewer events prove that it operates.");

    public static readonly DiffFindingClass ControlCadenceRelaxed = new(
        "ECD004", "ControlCadenceRelaxed", "Control cadence made less frequent", "controls", true,
        "A control must now operate less often (daily to weekly, continuous to monthly): a Type II period of the old cadence without evidence is no longer an exception.");

    public static readonly DiffFindingClass ControlCadenceTightened = new(
        "ECD005", "ControlCadenceTightened", "Control cadence made more frequent", "controls", false,
        "A control must now operate more often: every period of the new cadence needs evidence, so reports may show exceptions they did not before.");

    public static readonly DiffFindingClass HighRiskVendorWithoutSoc2 = new(
        "ECD006", "HighRiskVendorWithoutSoc2", "High or critical risk vendor without a current SOC 2 report", "vendors", true,
        "A vendor at high or critical risk whose SOC 2 Type II status is not 'current' enters the register (added, its risk raised, or its report lapsed): obtain the report or record the mitigations and lower the risk.");

    public static readonly DiffFindingClass EncryptionWeakened = new(
        "ECD007", "EncryptionWeakened", "Encryption weakened", "encryption", true,
        "An encryption entry's key got shorter, its algorithm became a deprecated one or an older version of the same family (AES-256 to AES-128, TLS 1.3 to TLS 1.2), or it covers less (both to at-rest only).");

    public static readonly DiffFindingClass RunbookSlaLengthened = new(
        "ECD008", "RunbookSlaLengthened", "Runbook SLA lengthened", "runbooks", true,
        "A severity's response time or a procedure step's SLA got longer: incidents may be answered later than before.");

    public static readonly DiffFindingClass RoleGainedPrivilegedPermission = new(
        "ECD009", "RoleGainedPrivilegedPermission", "Role gained a privileged permission", "access", true,
        "A role gained 'audit:read' (reading reports and the audit log), or a permission that in BASE only roles of a higher level held (an admin permission granted down).");

    public static readonly DiffFindingClass RoleGainedPermission = new(
        "ECD010", "RoleGainedPermission", "Role gained a permission", "access", false,
        "A role of BASE holds a permission it did not hold before (neither 'audit:read' nor one only higher roles held).");

    public static readonly DiffFindingClass EventNoLongerMapped = new(
        "ECD011", "EventNoLongerMapped", "Event type no longer mapped", "events", true,
        "An event type that BASE's controls took as evidence or its log sources produced is used by no control and produced by no source in HEAD: those events stop counting.");

    /// <summary>Every class, by id.</summary>
    public static IReadOnlyList<DiffFindingClass> All { get; } =
    [
        CriterionLostLastControl, CriterionLostLastEvidencedControl, ControlLostEvidence, ControlCadenceRelaxed, ControlCadenceTightened,
        HighRiskVendorWithoutSoc2, EncryptionWeakened, RunbookSlaLengthened, RoleGainedPrivilegedPermission, RoleGainedPermission, EventNoLongerMapped,
    ];

    /// <summary>The help page: the class's section of docs/pull-requests.md under the repository the build names.</summary>
    public string HelpUri => Diagnostics.HelpLinks.PageAt("docs/pull-requests.md#" + Id.ToLowerInvariant());

    public static DiffFindingClass? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}

/// <summary>One finding: its class, what it says, and where HEAD writes what it is about (when HEAD still has it).</summary>
/// <param name="Class">The finding's class.</param>
/// <param name="Subject">The entry it is about: <c>CC6.1</c>, <c>IAM-01</c>, <c>stripe</c>.</param>
/// <param name="Message">One sentence: what changed and what it means.</param>
/// <param name="Location">HEAD's file and span, when known.</param>
public sealed record DiffFinding(DiffFindingClass Class, string Subject, string Message, CatalogLocation? Location)
{
    public bool IsRegression => Class.IsRegression;
}
