using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>
/// JUnit XML for CI test tabs: one test case per finding, failed when the finding is a regression (or fails the gate);
/// a diff without findings is one passing case, so the tab shows the check ran. The summary goes to <c>system-out</c>.
/// </summary>
internal sealed class DiffJUnitWriter(DateTimeOffset timestamp) : IDiffFormatter
{
    public const string NoFindings = "no findings";

    public void Write(DiffReport report, TextWriter writer)
    {
        var cases = new List<JUnitCase>();
        foreach (var finding in report.Diff.Findings)
        {
            string where = finding.Location is { } location ? DiffReport.Where(location) + ": " : string.Empty;
            var failure = report.LevelOf(finding) == FindingLevel.Notice
                ? null
                : new JUnitFailure(finding.Message, finding.Class.Id, where + finding.Message + " (" + finding.Class.HelpUri + ")");
            cases.Add(new JUnitCase(finding.Class.Id + ": " + finding.Message, "evidence.diff." + finding.Class.Kind, failure));
        }

        if (cases.Count == 0)
        {
            cases.Add(new JUnitCase(NoFindings, "evidence.diff", null));
        }

        JUnitXml.Write(writer, "evidence diff " + report.Diff.Base + " " + report.Diff.Head, cases, [report.SummaryLine()], timestamp);
    }
}
