using System.Linq;
using EvidenceCatalog.Model;
using static EvidenceCatalog.Generator.Emit.CSharpLiteral;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>C# expressions for the records a <see cref="LogSource"/> is made of, built from <see cref="CSharpLiteral"/>.</summary>
internal static class LogSourceLiteral
{
    public static string Conditions(EquatableArray<FieldCondition> conditions) =>
        Array(ModelNamespace + ".FieldCondition", conditions.Select(c =>
            "new " + ModelNamespace + ".FieldCondition(" + String(c.Field) + ", " + Enum(c.Kind) + ", " + Strings(c.Values) + ")"));

    public static string Time(SourceTime time) =>
        "new " + ModelNamespace + ".SourceTime(" + Strings(time.Fields) + ", " + Flags(time.Formats) + ")";

    public static string Account(SourceAccount account) =>
        "new " + ModelNamespace + ".SourceAccount(" + String(account.Value) + ", " + String(account.Template) + ")";

    public static string EventId(SourceEventId id) =>
        "new " + ModelNamespace + ".SourceEventId(" + Strings(id.Templates) + ", " + Bool(id.HashWhenMissing) + ")";

    public static string Rule(SourceRule rule) =>
        "new " + ModelNamespace + ".SourceRule(" + String(rule.Name) + ", " + Conditions(rule.When) + ", " + String(rule.Type) + ", " + Outcome(rule.Outcome) + ")";

    private static string Outcome(SourceOutcome outcome) =>
        "new " + ModelNamespace + ".SourceOutcome(" + String(outcome.Value) + ", " + String(outcome.Field) + ", "
        + Array(ModelNamespace + ".OutcomeMapping", outcome.Map.Select(m => "new " + ModelNamespace + ".OutcomeMapping(" + String(m.From) + ", " + String(m.To) + ")"))
        + ", " + String(outcome.Default) + ")";
}
