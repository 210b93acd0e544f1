using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>Where a value is written: the file as diagnostics name it, and the span.</summary>
public sealed record CatalogLocation(string FilePath, SourceSpan Span);
