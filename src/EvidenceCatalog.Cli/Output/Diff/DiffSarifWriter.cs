using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler.Diff;

namespace EvidenceCatalog.Cli.Output.Diff;

/// <summary>The findings as SARIF 2.1.0, through the same writer as <c>evidence validate --format sarif</c>: one rule per finding class.</summary>
internal sealed class DiffSarifWriter : IDiffFormatter
{
    public void Write(DiffReport report, TextWriter writer) =>
        SarifLogWriter.Write(
            writer,
            DiffFindingClass.All.Select(c => new SarifRule(c.Id, c.Name, c.Title, c.Help, c.HelpUri, c.IsRegression ? "warning" : "note", "diff/" + c.Kind)).ToList(),
            report.Diff.Findings.Select(f => new SarifResult(f.Class.Id, Level(report.LevelOf(f)), f.Message, f.Location?.FilePath, f.Location?.Span)));

    private static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };
}
