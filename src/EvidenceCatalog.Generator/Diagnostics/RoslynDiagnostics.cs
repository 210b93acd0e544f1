using System.Collections.Concurrent;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvidenceCatalog.Generator.Diagnostics;

/// <summary>Turns the compiler's plain diagnostics into Roslyn diagnostics at the YAML location, with the same ids.</summary>
internal static class RoslynDiagnostics
{
    private static readonly ConcurrentDictionary<string, Microsoft.CodeAnalysis.DiagnosticDescriptor> Descriptors = new();

    public static Microsoft.CodeAnalysis.Diagnostic ToRoslyn(CatalogDiagnostic diagnostic)
    {
        var descriptor = Descriptors.GetOrAdd(diagnostic.Id, Describe);
        var severity = diagnostic.IsError ? Microsoft.CodeAnalysis.DiagnosticSeverity.Error : Microsoft.CodeAnalysis.DiagnosticSeverity.Warning;

        // The descriptor's message is "{0}": the compiler has already worded it, in the file's own terms. No help link:
        // the compiler would append it to the line, which must read exactly as `evidence validate` prints it.
        return Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, LocationOf(diagnostic), severity, additionalLocations: null, properties: null, diagnostic.Message);
    }

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

    private static Microsoft.CodeAnalysis.DiagnosticDescriptor Describe(string id)
    {
        var known = DiagnosticDescriptors.Find(id) ?? GeneratorDiagnosticDescriptors.All.FirstOrDefault(d => d.Id == id);
        return known is null
            ? new Microsoft.CodeAnalysis.DiagnosticDescriptor(id, id, "{0}", "EvidenceCatalog", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, isEnabledByDefault: true)
            : Convert(known);
    }

    private static Microsoft.CodeAnalysis.DiagnosticDescriptor Convert(CatalogDiagnosticDescriptor descriptor) =>
        new(
            descriptor.Id,
            descriptor.Title,
            "{0}",
            "EvidenceCatalog." + descriptor.Category,
            descriptor.DefaultSeverity == CatalogDiagnosticSeverity.Error ? Microsoft.CodeAnalysis.DiagnosticSeverity.Error : Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: descriptor.Help + " See " + descriptor.HelpPath + ".");
}
