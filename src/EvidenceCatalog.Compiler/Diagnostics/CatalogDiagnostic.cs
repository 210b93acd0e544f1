using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>A diagnostic reported at a span of a file. Plain values only, so it can be cached and compared.</summary>
public sealed record CatalogDiagnostic(string Id, CatalogDiagnosticSeverity Severity, string FilePath, SourceSpan Span, string Message)
{
    /// <summary>The diagnostic of <paramref name="descriptor"/>, its message worded with <paramref name="args"/> and kept on one line (see <see cref="MessageText"/>).</summary>
    public static CatalogDiagnostic Create(CatalogDiagnosticDescriptor descriptor, string filePath, SourceSpan span, params object?[] args) =>
        new(descriptor.Id, descriptor.DefaultSeverity, filePath, span, MessageText.Escape(string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args)));

    public bool IsError => Severity == CatalogDiagnosticSeverity.Error;

    /// <summary>The one order diagnostics are reported in: by file, line, column, id, then message.</summary>
    public static ImmutableArray<CatalogDiagnostic> Sort(IEnumerable<CatalogDiagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartLine)
            .ThenBy(d => d.Span.StartColumn)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// The line every host prints: MSBuild's canonical form, <c>file(line,col): error EC1234: message (help link)</c>, written
    /// as the C# compiler writes a diagnostic whose descriptor has a help link (it appends the link in parentheses, and leaves
    /// out the location of a diagnostic about no file). So <c>dotnet build</c> and <c>evidence validate</c> print the same line.
    /// </summary>
    public override string ToString()
    {
        string severity = Severity == CatalogDiagnosticSeverity.Error ? "error" : "warning";
        string help = DiagnosticDescriptors.Find(Id) is { } descriptor ? " (" + descriptor.HelpUri + ")" : string.Empty;
        return FilePath.Length == 0
            ? string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}{3}", severity, Id, Message, help)
            : string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}{6}", FilePath, Span.StartLine, Span.StartColumn, severity, Id, Message, help);
    }
}
