using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler.Diff;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>Which findings make <c>evidence diff</c> exit 1.</summary>
internal enum FailOn
{
    /// <summary>None: the diff only reports.</summary>
    None,

    /// <summary>Any finding of a regression class.</summary>
    Regression,

    /// <summary>Any finding at all.</summary>
    Finding,
}

/// <summary>How loudly a finding is reported: an error fails the run, a warning is a regression that does not, a notice is neither.</summary>
internal enum FindingLevel
{
    Error,
    Warning,
    Notice,
}

/// <summary>A diff and the gate it is judged by: what every output format of <c>evidence diff</c> writes.</summary>
internal sealed record DiffReport(CatalogDiffResult Diff, FailOn FailOn)
{
    /// <summary>True when a finding fails the gate (exit 1).</summary>
    public bool Fails => Diff.Findings.Any(f => LevelOf(f) == FindingLevel.Error);

    public FindingLevel LevelOf(DiffFinding finding) => FailOn switch
    {
        FailOn.Finding => FindingLevel.Error,
        FailOn.Regression => finding.IsRegression ? FindingLevel.Error : FindingLevel.Notice,
        _ => finding.IsRegression ? FindingLevel.Warning : FindingLevel.Notice,
    };

    /// <summary>
    /// The one-line summary every format ends or starts with:
    /// <c>main → HEAD: 2 added, 1 removed, 3 changed; 2 findings (1 regression).</c>
    /// </summary>
    public string SummaryLine()
    {
        var diff = Diff;
        string sides = diff.Base + " → " + diff.Head + ": ";
        if (diff.IsEmpty)
        {
            return sides + "no change to the catalogs' model.";
        }

        string findings = diff.Findings.IsEmpty
            ? "no findings"
            : Count(diff.Findings.Length, "finding", "findings") + " (" + Count(diff.RegressionCount, "regression", "regressions") + ")";
        return sides + Number(diff.CountOf(ChangeKind.Added)) + " added, " + Number(diff.CountOf(ChangeKind.Removed)) + " removed, "
            + Number(diff.CountOf(ChangeKind.Changed)) + " changed; " + findings + ".";
    }

    public static string Count(int count, string singular, string plural) => Number(count) + " " + (count == 1 ? singular : plural);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>file(line,col)</c>, as MSBuild lines start.</summary>
    public static string Where(CatalogLocation location) =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", location.FilePath, location.Span.StartLine, location.Span.StartColumn);
}

/// <summary>Writes a diff in one output format.</summary>
internal interface IDiffFormatter
{
    void Write(DiffReport report, TextWriter writer);
}
