namespace EvidenceCatalog.Model;

/// <summary>
/// A control of the organisation: which criteria it satisfies, how often it operates, and how that is proven — by
/// events (<see cref="Evidence"/> rules), by documents supplied by hand (<see cref="Manual"/>), or both.
/// <see cref="LastReviewed"/>, when declared, is when its design was last reviewed; it is due again
/// <see cref="ReviewEveryMonths"/> months later (the policies catalog's default when null; EC4010).
/// </summary>
public sealed record Control(
    string Id,
    string Name,
    string Description,
    string Owner,
    EquatableArray<string> Criteria,
    Cadence Cadence,
    EquatableArray<EvidenceRule> Evidence,
    ManualEvidence? Manual = null,
    CalendarDate? LastReviewed = null,
    int? ReviewEveryMonths = null);

/// <summary>
/// Events of <see cref="EventType"/> with one of <see cref="Outcomes"/> (any outcome when empty) are evidence.
/// <see cref="Minimum"/> and <see cref="Failures"/>, when given, are what each period the control must operate in needs
/// of the events this rule counts, so that the wrong kind of evidence fails the period as its absence would.
/// </summary>
public sealed record EvidenceRule(
    string EventType,
    EquatableArray<string> Outcomes,
    string? Description,
    EvidenceMinimum? Minimum = null,
    FailureLimit? Failures = null);

/// <summary>At least <see cref="AtLeast"/> events of the rule per period; of <see cref="Outcome"/> only, when given.</summary>
public sealed record EvidenceMinimum(string? Outcome, int AtLeast);

/// <summary>In each period, events of the rule with one of <see cref="Outcomes"/> are at most <see cref="MaxPercent"/> percent of the rule's events.</summary>
public sealed record FailureLimit(EquatableArray<string> Outcomes, int MaxPercent);

/// <summary>
/// What a control proven by hand needs supplied each period of its cadence: the <see cref="Documents"/>, provided by
/// <see cref="ProvidedBy"/> (the control's owner when null).
/// </summary>
public sealed record ManualEvidence(string Documents, string? ProvidedBy);

/// <summary>How often a control operates: the periods of a report's window it must operate in.</summary>
public enum Cadence
{
    /// <summary>Many times a day; must operate every day.</summary>
    Continuous,

    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every ISO week (Monday to Sunday).</summary>
    Weekly,

    /// <summary>Every calendar month.</summary>
    Monthly,

    /// <summary>Every calendar quarter.</summary>
    Quarterly,

    /// <summary>Every calendar year.</summary>
    Annually,

    /// <summary>When its occasion arises (an incident, a leaver): no period is required, and an empty window is not a failure.</summary>
    OnOccurrence,
}
