using System.Globalization;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>A diagnostic reported at a span of a file. Plain values only, so it can be cached and compared.</summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string FilePath, SourceSpan Span, string Message)
{
    public static Diagnostic Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params object?[] args) =>
        new(descriptor.Id, descriptor.DefaultSeverity, filePath, span, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args));

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>MSBuild canonical form: <c>file(line,col): error EC1234: message</c>.</summary>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            FilePath,
            Span.StartLine,
            Span.StartColumn,
            Severity == DiagnosticSeverity.Error ? "error" : "warning",
            Id,
            Message);
}
