using EvidenceCatalog.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvidenceCatalog.Generator.Diagnostics;

/// <summary>Turns the compiler's plain diagnostics into Roslyn diagnostics at the YAML location, with the same ids.</summary>
internal static class RoslynDiagnostics
{
    /// <summary>
    /// The diagnostic as Roslyn reports it. The C# compiler prints it as <c>file(line,col): error ECxxxx: message (help link)</c>,
    /// the very line <see cref="CatalogDiagnostic.ToString"/> gives, which is what <c>evidence validate</c> prints.
    /// </summary>
    public static Diagnostic ToRoslyn(CatalogDiagnostic diagnostic) =>
        Diagnostic.Create(RoslynDescriptors.For(diagnostic.Id), LocationOf(diagnostic), SeverityOf(diagnostic.Severity), additionalLocations: null, properties: null, diagnostic.Message);

    public static DiagnosticSeverity SeverityOf(CatalogDiagnosticSeverity severity) =>
        severity == CatalogDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;

    private static Location LocationOf(CatalogDiagnostic diagnostic)
    {
        if (diagnostic.FilePath.Length == 0)
        {
            return Location.None;
        }

        var span = diagnostic.Span;
        int start = span.StartOffset < 0 ? 0 : span.StartOffset;
        int end = span.EndOffset < start ? start : span.EndOffset;
        var lines = new LinePositionSpan(
            new LinePosition(Zero(span.StartLine), Zero(span.StartColumn)),
            new LinePosition(Zero(span.EndLine < span.StartLine ? span.StartLine : span.EndLine), Zero(span.EndLine < span.StartLine ? span.StartColumn : span.EndColumn)));
        if (lines.End < lines.Start)
        {
            lines = new LinePositionSpan(lines.Start, lines.Start);
        }

        return Location.Create(diagnostic.FilePath, TextSpan.FromBounds(start, end), lines);
    }

    private static int Zero(int oneBased) => oneBased > 0 ? oneBased - 1 : 0;
}
