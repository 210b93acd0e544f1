namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>How bad a diagnostic is. Errors fail the build; warnings fail it only under strict mode.</summary>
public enum CatalogDiagnosticSeverity
{
    Warning = 1,
    Error = 2,
}
