using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper;

/// <summary>
/// Tolerant reads of report members: the workpaper renders every report version it is given, so a member that is
/// absent or of another type reads as "no value", never as an error (the report itself was checked before rendering).
/// </summary>
internal static class JsonValues
{
    public static JsonElement? Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? Integer(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out long number) ? number : null;

    public static bool? Boolean(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The items of an array member; none when it is absent or not an array.</summary>
    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray().ToList() : [];

    /// <summary>The members of an object member, in document order; none when it is absent or not an object.</summary>
    public static IReadOnlyList<JsonProperty> Members(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Object } value ? value.EnumerateObject().ToList() : [];

    /// <summary>The strings of an array member (other items left out).</summary>
    public static IReadOnlyList<string> Strings(this JsonElement element, string name) =>
        element.Items(name).Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList();

    /// <summary>A scalar as text for a table cell: strings as they are, numbers and booleans as JSON writes them, containers as their JSON.</summary>
    public static string Display(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => element.GetRawText(),
    };
}
