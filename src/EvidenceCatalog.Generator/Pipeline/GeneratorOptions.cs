using System;
using System.Collections.Generic;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Diagnostics;
using EvidenceCatalog.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvidenceCatalog.Generator.Pipeline;

/// <summary>
/// The build properties the generator reads (made visible by <c>build/EvidenceCatalog.Generator.props</c>), parsed once,
/// with a diagnostic for each value that could not be used.
/// </summary>
internal sealed record GeneratorOptions(string Namespace, CalendarDate? AsOf, bool Strict, EquatableArray<CatalogDiagnostic> Problems)
{
    public const string DefaultNamespace = "EvidenceCatalog.Catalogs";

    private const string AsOfProperty = "EvidenceCatalogAsOf";
    private const string StrictProperty = "EvidenceCatalogStrict";
    private const string NamespaceProperty = "EvidenceCatalogNamespace";
    private const string RootNamespaceProperty = "RootNamespace";

    public CompilerOptions CompilerOptions => new() { AsOf = AsOf, Strict = Strict };

    public static GeneratorOptions Read(AnalyzerConfigOptions global)
    {
        var problems = new List<CatalogDiagnostic>();

        CalendarDate? asOf = null;
        string asOfText = Property(global, AsOfProperty);
        if (asOfText.Length > 0)
        {
            if (CalendarDate.TryParse(asOfText, out var date))
            {
                asOf = date;
            }
            else
            {
                problems.Add(Invalid(AsOfProperty, asOfText, "a calendar date written YYYY-MM-DD", "date checks are skipped until it is one"));
            }
        }

        bool strict = false;
        string strictText = Property(global, StrictProperty);
        if (strictText.Length > 0 && !bool.TryParse(strictText, out strict))
        {
            problems.Add(Invalid(StrictProperty, strictText, "'true' or 'false'", "it is taken as false"));
        }

        string ns = DefaultNamespace;
        string explicitNs = Property(global, NamespaceProperty);
        string rootNs = Property(global, RootNamespaceProperty);
        if (explicitNs.Length > 0)
        {
            if (IsNamespace(explicitNs))
            {
                ns = explicitNs;
            }
            else
            {
                problems.Add(Invalid(NamespaceProperty, explicitNs, "a C# namespace (identifiers separated by dots)", "the generated code goes in '" + DefaultNamespace + "'"));
            }
        }
        else if (IsNamespace(rootNs))
        {
            // An unusable RootNamespace is the project's business, not the catalog's: fall back quietly.
            ns = rootNs;
        }

        return new GeneratorOptions(ns, asOf, strict, problems.ToEquatableArray());
    }

    private static string Property(AnalyzerConfigOptions global, string name) =>
        global.TryGetValue("build_property." + name, out var value) && value is not null ? value.Trim() : string.Empty;

    private static bool IsNamespace(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (string part in text.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    private static CatalogDiagnostic Invalid(string property, string value, string expected, string consequence) =>
        CatalogDiagnostic.Create(DiagnosticDescriptors.InvalidBuildProperty, string.Empty, SourceSpan.FileStart, property, value, expected, consequence);
}
