using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Output;

/// <summary>What a validation found, in the order every format reports it.</summary>
internal sealed record ValidationReport
{
    public ValidationReport(int fileCount, IEnumerable<CatalogDiagnostic> diagnostics)
    {
        FileCount = fileCount;
        Diagnostics = CatalogDiagnostic.Sort(diagnostics);
        ErrorCount = Diagnostics.Count(d => d.IsError);
        WarningCount = Diagnostics.Length - ErrorCount;
    }

    /// <summary>How many catalog files were checked, including those that could not be decoded.</summary>
    public int FileCount { get; }

    /// <summary>The catalog files checked, as diagnostics name them (for reports with a line per file).</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>Every diagnostic, by file, position and id.</summary>
    public ImmutableArray<CatalogDiagnostic> Diagnostics { get; }

    public int ErrorCount { get; }

    public int WarningCount { get; }

    public bool HasErrors => ErrorCount > 0;
}
