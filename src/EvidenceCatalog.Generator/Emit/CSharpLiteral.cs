using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>
/// C# expressions for catalog values, escaped here so the templates never escape anything.
/// Every type is written fully qualified (<c>global::</c>), so no id can shadow it.
/// </summary>
internal static class CSharpLiteral
{
    public const string ModelNamespace = "global::EvidenceCatalog.Model";
    private const string ImmutableArrayType = "global::System.Collections.Immutable.ImmutableArray";

    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    // Control characters and the characters C# takes as line breaks (U+0085, U+2028, U+2029) are escaped.
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Int(int? value) => value is { } v ? Int(v) : "null";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum =>
        ModelNamespace + "." + typeof(TEnum).Name + "." + value.ToString();

    /// <summary>A flags value as its flags joined with <c>|</c> (<c>SourceContainers.JsonLines | SourceContainers.JsonArray</c>); no flag is the enum's zero.</summary>
    public static string Flags<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
    {
        ulong bits = System.Convert.ToUInt64(value, CultureInfo.InvariantCulture);
        var set = System.Enum.GetValues(typeof(TEnum)).Cast<TEnum>()
            .Select(flag => (Flag: flag, Bits: System.Convert.ToUInt64(flag, CultureInfo.InvariantCulture)))
            .Where(f => f.Bits != 0 && (f.Bits & (f.Bits - 1)) == 0 && (bits & f.Bits) == f.Bits)
            .OrderBy(f => f.Bits)
            .Select(f => Enum(f.Flag))
            .ToList();
        return set.Count == 0 ? "(" + ModelNamespace + "." + typeof(TEnum).Name + ")0" : string.Join(" | ", set);
    }

    public static string Date(CalendarDate value) =>
        string.Format(CultureInfo.InvariantCulture, "new {0}.CalendarDate({1}, {2}, {3})", ModelNamespace, value.Year, value.Month, value.Day);

    public static string Date(CalendarDate? value) => value is { } v ? Date(v) : "null";

    public static string Strings(EquatableArray<string> values) => Array("string", values.Select(String));

    /// <summary>An <c>EquatableArray&lt;T&gt;</c> of already-written element expressions.</summary>
    public static string Array(string elementType, IEnumerable<string> elements)
    {
        string[] items = elements.ToArray();
        string type = ModelNamespace + ".EquatableArray<" + elementType + ">";
        return items.Length == 0
            ? type + ".Empty"
            : "new " + type + "(" + ImmutableArrayType + ".Create(" + string.Join(", ", items) + "))";
    }

    /// <summary>An <c>ImmutableArray&lt;T&gt;</c> of already-written element expressions.</summary>
    public static string ImmutableArray(string elementType, IEnumerable<string> elements)
    {
        string[] items = elements.ToArray();
        return items.Length == 0
            ? ImmutableArrayType + "<" + elementType + ">.Empty"
            : ImmutableArrayType + ".Create<" + elementType + ">(" + string.Join(", ", items) + ")";
    }
}
