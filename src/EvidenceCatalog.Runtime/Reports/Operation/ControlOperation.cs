using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>
/// How a control operated over the window, judged against its cadence: the periods it had to operate in, those with
/// evidence, those that passed (evidence, and what its rules' minimums and failure limits ask), the exceptions, and the
/// verdict (see <see cref="Verdicts"/>).
/// </summary>
public sealed record ControlOperation(
    string Period,
    int Required,
    int WithEvidence,
    int Operated,
    IReadOnlyList<PeriodException> Exceptions,
    string Verdict);

/// <summary>A period in which a control did not operate as required: its label, its days inside the window, and why.</summary>
public sealed record PeriodException(string Period, string From, string To, string Reason);

/// <summary>The verdicts of a control's operating test, as the report writes them.</summary>
public static class Verdicts
{
    /// <summary>Every required period had evidence meeting the rules (or, without required periods, there was evidence).</summary>
    public const string Operating = "operating";

    /// <summary>Some required period had no evidence, or not the evidence its rules ask for.</summary>
    public const string Exceptions = "exceptions";

    /// <summary>No evidence in the whole window, and no period in which the control had to operate: neither operating nor failing.</summary>
    public const string NotOccurring = "not-occurring";

    /// <summary>Proven by documents supplied by hand (a manual declaration and no evidence rule): listed as evidence requests.</summary>
    public const string Manual = "manual";

    /// <summary>Neither evidence rules nor a manual declaration (EC4002): nothing can show that it operates.</summary>
    public const string Unproven = "unproven";
}
