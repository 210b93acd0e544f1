namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>The stage that reports a diagnostic; the first digit of its id says the same.</summary>
public static class DiagnosticCategory
{
    /// <summary>EC1xxx: the file cannot be read safely as one plain YAML document.</summary>
    public const string Yaml = "YAML";

    /// <summary>EC2xxx: the document does not match its schema (EC21xx: a schema itself is unusable).</summary>
    public const string Schema = "Schema";

    /// <summary>EC3xxx: a name used in one catalog is not declared where it belongs, or an id is declared twice.</summary>
    public const string References = "References";

    /// <summary>EC4xxx: valid catalogs that say something needing attention.</summary>
    public const string Policy = "Policy";

    /// <summary>EC5xxx: reported only by the source generator, when the catalogs are compiled into C#.</summary>
    public const string Generator = "Generator";
}
