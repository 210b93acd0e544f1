using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>What the finding rules share: the two sides, and the findings reported so far.</summary>
internal sealed class FindingCollector(CatalogSide baseSide, CatalogSide head)
{
    private readonly List<DiffFinding> findings = [];

    public CatalogSide Base { get; } = baseSide;

    public CatalogSide Head { get; } = head;

    public void Report(DiffFindingClass findingClass, string subject, string message, CatalogLocation? location) =>
        findings.Add(new DiffFinding(findingClass, subject, MessageText.Escape(message), location));

    /// <summary>The findings by class id, subject, HEAD's line, then message: the same input gives the same order.</summary>
    public ImmutableArray<DiffFinding> Sorted() =>
        findings
            .OrderBy(f => f.Class.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Span.StartLine)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary><c>'a', 'b' and 'c'</c>.</summary>
    public static string List(IEnumerable<string> items)
    {
        var quoted = items.Select(i => "'" + i + "'").ToList();
        return quoted.Count <= 1 ? string.Concat(quoted) : string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[quoted.Count - 1];
    }
}
