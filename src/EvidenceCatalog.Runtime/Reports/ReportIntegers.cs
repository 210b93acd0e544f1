namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// The integers a report can hold. Its canonical form (RFC 8785, integers only) refuses a number beyond ±2^53, where
/// not every integer has a double of its own; so every number that comes into a report from an input (a snapshot's
/// counts, an account's settings) is checked against these bounds when the input is read, and none reaches the signer
/// that it cannot sign.
/// </summary>
public static class ReportIntegers
{
    /// <summary>2^53 − 1, the largest integer every JSON reader holds exactly (JavaScript's <c>Number.MAX_SAFE_INTEGER</c>).</summary>
    public const long Max = 9_007_199_254_740_991;
}
