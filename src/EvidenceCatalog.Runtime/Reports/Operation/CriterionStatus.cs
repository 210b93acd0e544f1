using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>
/// One criterion of an active framework, added up over the controls that claim it: their evidence, the periods they
/// operated in and had to, their exceptions, the evidence requests of its manual controls, and the status (see
/// <see cref="CriterionStatuses"/>).
/// </summary>
public sealed record CriterionStatus(
    string Framework,
    string Title,
    string Category,
    string Status,
    IReadOnlyList<string> Controls,
    long EvidenceCount,
    int PeriodsOperated,
    int PeriodsRequired,
    int Exceptions,
    int OpenRequests);

/// <summary>The statuses of a criterion, as the report writes them.</summary>
public static class CriterionStatuses
{
    /// <summary>Its category is not in scope (the policies catalog's <c>categoriesInScope</c>).</summary>
    public const string OutOfScope = "out-of-scope";

    /// <summary>No control claims it.</summary>
    public const string NoControl = "no-control";

    /// <summary>A control claiming it, with evidence rules, has an exception.</summary>
    public const string Exceptions = Verdicts.Exceptions;

    /// <summary>A control claiming it operated, and none with evidence rules has an exception.</summary>
    public const string Operating = Verdicts.Operating;

    /// <summary>Every control claiming it with evidence rules is not-occurring.</summary>
    public const string NotOccurring = Verdicts.NotOccurring;

    /// <summary>Only manual controls (no evidence rules) claim it: their documents are open evidence requests.</summary>
    public const string Manual = Verdicts.Manual;

    /// <summary>Only controls with neither evidence rules nor a manual declaration claim it.</summary>
    public const string Unproven = Verdicts.Unproven;
}

/// <summary>
/// What a manual control needs supplied for one period of its cadence (the auditor's "provided by client" list): the
/// control, the period and its days inside the window, the documents, who provides them, and the criteria they support.
/// </summary>
public sealed record EvidenceRequest(
    string Control,
    string Period,
    string From,
    string To,
    string Documents,
    string ProvidedBy,
    IReadOnlyList<string> Criteria);
