namespace EvidenceCatalog.Model;

/// <summary>
/// A control of the organisation: which criteria it satisfies, how often it operates, and how that is proven — by
/// events (<see cref="Evidence"/> rules), by documents supplied by hand (<see cref="Manual"/>), or both.
/// <see cref="LastReviewed"/>, when declared, is when its design was last reviewed; it is due again
/// <see cref="ReviewEveryMonths"/> months later (the policies catalog's default when null; EC4010).
/// </summary>
/// <param name="Id">Control id: 2 to 5 capital letters, a hyphen and 2 or 3 digits (e.g. IAM-01, NET-02).</param>
/// <param name="Name">Short name of the control (e.g. Access enforcement).</param>
/// <param name="Description">What the control does, in one or two sentences.</param>
/// <param name="Owner">Team accountable for operating the control (e.g. Security Engineering).</param>
/// <param name="Criteria">The criteria this control satisfies, by id (e.g. CC6.1). Each must exist in an active framework.</param>
/// <param name="Cadence">How often the control operates; it sets the periods of a report's window the control must operate in, counted in the window's time zone: continuous and daily every day, weekly every ISO week (Monday to Sunday), monthly every calendar month, quarterly every calendar quarter, annually every calendar year. A period is required when at least half of its days lie in the window. on-occurrence: the control operates when its occasion arises (an incident, a leaver), so no period is required and a window without any of its events is not-occurring, not a failure.</param>
/// <param name="Evidence">Evidence rules: which audit events prove the control operates. A control has evidence rules, a manual declaration, or both; with neither, it draws a warning (EC4002).</param>
/// <param name="Manual">The control is proven by documents supplied by hand (a policy sign-off, board minutes, a signed review): reports list one evidence request for each period of its cadence in the window, and count the control as manual. A control with evidence rules as well is judged on its events, and its documents are requested too.</param>
/// <param name="LastReviewed">Date the control's design was last reviewed (YYYY-MM-DD). It is due again reviewEveryMonths later (the policies catalog's staleness.controlReviewMonths, 12 by default); a review overdue on the as-of date is a warning (EC4010).</param>
/// <param name="ReviewEveryMonths">How many months after lastReviewed the control is due for review again (e.g. 12 for a yearly review). Without it the policies catalog's staleness.controlReviewMonths applies.</param>
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
/// <param name="EventType">Dotted event type id declared in the events catalog (e.g. policy.decision).</param>
/// <param name="Outcomes">Outcomes that count as evidence; each must be declared for the event type. Absent means every outcome of the type.</param>
/// <param name="Description">What events matching this rule show about the control.</param>
/// <param name="Minimum">What each period the control must operate in needs of this rule's events: at least 'atLeast' of them, of 'outcome' only when given. A required period short of it is an exception, as a period without evidence is.</param>
/// <param name="Failures">The most failures a period may hold: events of this rule with one of 'outcomes', as a share of the rule's events in the period, at most 'maxPercent' percent. A required period above it is an exception.</param>
public sealed record EvidenceRule(
    string EventType,
    EquatableArray<string> Outcomes,
    string? Description,
    EvidenceMinimum? Minimum = null,
    FailureLimit? Failures = null);

/// <summary>At least <see cref="AtLeast"/> events of the rule per period; of <see cref="Outcome"/> only, when given.</summary>
/// <param name="Outcome">The outcome the events must have (e.g. success); declared for the event type and counted by the rule. Absent: any event the rule counts.</param>
/// <param name="AtLeast">How many such events each period needs, at least 1.</param>
public sealed record EvidenceMinimum(string? Outcome, int AtLeast);

/// <summary>In each period, events of the rule with one of <see cref="Outcomes"/> are at most <see cref="MaxPercent"/> percent of the rule's events.</summary>
/// <param name="Outcomes">The outcomes that are failures (e.g. failure, rolled_back); each declared for the event type and counted by the rule.</param>
/// <param name="MaxPercent">The largest share of the rule's events in a period that may be failures, in whole percent, 0 to 99 (0: no failure at all).</param>
public sealed record FailureLimit(EquatableArray<string> Outcomes, int MaxPercent);

/// <summary>
/// What a control proven by hand needs supplied each period of its cadence: the <see cref="Documents"/>, provided by
/// <see cref="ProvidedBy"/> (the control's owner when null).
/// </summary>
/// <param name="Documents">What must be supplied each period, as an auditor would request it (e.g. Signed code of conduct acknowledgements of every new hire).</param>
/// <param name="ProvidedBy">Who supplies it (a team or role). Absent: the control's owner.</param>
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
