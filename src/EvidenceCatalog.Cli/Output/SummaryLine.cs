using System.Globalization;

namespace EvidenceCatalog.Cli.Output;

/// <summary>The one-line tally after the diagnostics: <c>8 files checked: 2 errors, 1 warning.</c></summary>
internal static class SummaryLine
{
    public static string For(ValidationReport report) =>
        Count(report.FileCount, "file", "files") + " checked: "
        + (report.ErrorCount == 0 ? "no errors" : Count(report.ErrorCount, "error", "errors")) + ", "
        + (report.WarningCount == 0 ? "no warnings" : Count(report.WarningCount, "warning", "warnings")) + ".";

    private static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
