using EvidenceCatalog.Model;
using static EvidenceCatalog.Generator.Emit.CSharpLiteral;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>C# expressions for the parts of a <see cref="Control"/>: its evidence rules with their limits, and its manual declaration.</summary>
internal static class ControlLiteral
{
    public static string Rule(EvidenceRule rule) =>
        "new " + ModelNamespace + ".EvidenceRule(" + String(rule.EventType) + ", " + Strings(rule.Outcomes) + ", " + String(rule.Description) + ", "
        + Minimum(rule.Minimum) + ", " + Failures(rule.Failures) + ")";

    public static string Manual(ManualEvidence? manual) =>
        manual is null ? "null" : "new " + ModelNamespace + ".ManualEvidence(" + String(manual.Documents) + ", " + String(manual.ProvidedBy) + ")";

    private static string Minimum(EvidenceMinimum? minimum) =>
        minimum is null ? "null" : "new " + ModelNamespace + ".EvidenceMinimum(" + String(minimum.Outcome) + ", " + Int(minimum.AtLeast) + ")";

    private static string Failures(FailureLimit? failures) =>
        failures is null ? "null" : "new " + ModelNamespace + ".FailureLimit(" + Strings(failures.Outcomes) + ", " + Int(failures.MaxPercent) + ")";
}
