using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// <c>evidence validate --format junit</c>: one test case per catalog file, failed when the file has errors (the failure
/// holds its diagnostics as MSBuild lines); every diagnostic, warnings too, also goes to the suite's <c>system-out</c>.
/// </summary>
internal sealed class JUnitReportWriter(DateTimeOffset timestamp) : IReportFormatter
{
    /// <summary>How a test case is named for a diagnostic about no file (a schema problem, say).</summary>
    public const string NoFile = "(catalog set)";

    public void Write(ValidationReport report, TextWriter writer)
    {
        var byFile = report.Diagnostics.ToLookup(d => d.FilePath, StringComparer.Ordinal);
        var files = report.Files.Concat(byFile.Select(g => g.Key)).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal);
        var cases = new List<JUnitCase>();
        foreach (string file in files)
        {
            var errors = byFile[file].Where(d => d.IsError).ToList();
            var failure = errors.Count == 0
                ? null
                : new JUnitFailure(
                    errors.Count.ToString(CultureInfo.InvariantCulture) + (errors.Count == 1 ? " error: " : " errors: ") + errors[0].Message,
                    errors[0].Id,
                    string.Join("\n", byFile[file].Select(d => d.ToString())));
            cases.Add(new JUnitCase(file.Length == 0 ? NoFile : file, "evidence.validate", failure));
        }

        JUnitXml.Write(writer, "evidence validate", cases, report.Diagnostics.Select(d => d.ToString()).Append(SummaryLine.For(report)), timestamp);
    }
}
