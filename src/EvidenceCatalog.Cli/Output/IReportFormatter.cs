using System.IO;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Writes a validation report in one output format.</summary>
internal interface IReportFormatter
{
    void Write(ValidationReport report, TextWriter writer);
}
