namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>One condition the compiler or the generator reports: a stable id, its default severity and how to word it.</summary>
/// <param name="Id">Stable id, <c>EC</c> and four digits: 1xxx YAML, 2xxx schema, 3xxx references, 4xxx policy, 5xxx generator.</param>
/// <param name="Title">A short name of the condition.</param>
/// <param name="Category">One of <see cref="DiagnosticCategory"/>.</param>
/// <param name="DefaultSeverity">The severity when not in strict mode.</param>
/// <param name="MessageFormat">A composite format string; arguments are the file's own words.</param>
/// <param name="Help">One or two sentences on how to fix it (SARIF help text; the docs page says more).</param>
public sealed record CatalogDiagnosticDescriptor(
    string Id,
    string Title,
    string Category,
    CatalogDiagnosticSeverity DefaultSeverity,
    string MessageFormat,
    string Help)
{
    /// <summary>The help page of this id, relative to the repository root.</summary>
    public string HelpPath => "docs/diagnostics/" + Id + ".md";

    /// <summary>The help page of this id as an absolute address (see <see cref="HelpLinks"/>).</summary>
    public string HelpUri => HelpLinks.PageAt(HelpPath);
}
