using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Access.Imports.Reading;

/// <summary>A JSON export parsed whole, and its records with the line each starts on.</summary>
internal static class JsonExport
{
    public static JsonDocument Parse(byte[] json, string name)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            // The parser's message ends with its own position and path; the line is said once, in our words.
            string why = exception.Message.Split(" LineNumber", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            throw new AccessImportException($"{name} line {exception.LineNumber + 1}: not valid JSON: {why}");
        }
    }

    /// <summary>
    /// The elements of the array <paramref name="array"/>, found at <paramref name="path"/> in <paramref name="json"/>,
    /// as records named "<paramref name="noun"/> N" at their line.
    /// </summary>
    public static IReadOnlyList<ExportRecord> Records(byte[] json, JsonElement array, string name, string noun, params string[] path)
    {
        var lines = ElementLines.Of(json, path);
        var records = new List<ExportRecord>();
        int index = 0;
        foreach (var element in array.EnumerateArray())
        {
            string where = $"{name} line {(index < lines.Count ? lines[index] : 0)} ({noun} {index + 1})";
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new AccessImportException($"{where}: must be a JSON object, not {Kind(element)}");
            }

            records.Add(new ExportRecord(element, where));
            index++;
        }

        return records;
    }

    /// <summary>The member <paramref name="property"/> of the root object when it is an array; an error naming the file otherwise.</summary>
    public static JsonElement RootArray(JsonElement root, string property, string name, string what, bool required = true)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AccessImportException($"{name}: must be a JSON object with '{property}' ({what}), not {Kind(root)}");
        }

        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required
                ? throw new AccessImportException($"{name}: has no '{property}' ({what})")
                : default;
        }

        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw new AccessImportException($"{name}: '{property}' must be an array ({what}), not {Kind(value)}");
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>One record of a JSON export, with the words that place it in messages ("okta-users.json line 12 (user 2)").</summary>
internal readonly record struct ExportRecord(JsonElement Element, string Where)
{
    /// <summary>A required non-empty string at <paramref name="path"/> (dotted: <c>profile.login</c>).</summary>
    public string String(string path) =>
        OptionalString(path) ?? throw new AccessImportException($"{Where}: {path} is missing; it must be a non-empty string");

    public string? OptionalString(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { } text
            ? text.Length > 0 ? text : null
            : throw new AccessImportException($"{Where}: {path} must be a string, not {JsonExport.Kind(value)}");
    }

    /// <summary>A string or number id (GitHub's user ids are numbers), as text.</summary>
    public string Id(string path) => Find(path) is { ValueKind: JsonValueKind.Number } number
        ? number.GetRawText()
        : String(path);

    public bool? OptionalBool(string path) => Find(path) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } value => throw new AccessImportException($"{Where}: {path} must be true or false, not {JsonExport.Kind(value)}"),
    };

    /// <summary>An instant; null when absent or null. <paramref name="isNull"/> says whether the member was there and null.</summary>
    public DateTimeOffset? OptionalTime(string path, out bool isNull)
    {
        isNull = Has(path) && Find(path) is null;
        return OptionalString(path) is { } text ? SourceTimestamp.Parse(text, Where, path) : null;
    }

    public DateTimeOffset? OptionalTime(string path) => OptionalTime(path, out _);

    /// <summary>The objects of the array at <paramref name="path"/>; null when absent or null.</summary>
    public IReadOnlyList<ExportRecord>? OptionalObjects(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new AccessImportException($"{Where}: {path} must be an array, not {JsonExport.Kind(value)}");
        }

        string where = Where;
        return value.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.Object
            ? new ExportRecord(item, $"{where}, {path}[{i}]")
            : throw new AccessImportException($"{where}: {path}[{i}] must be an object, not {JsonExport.Kind(item)}")).ToList();
    }

    /// <summary>The strings of the array at <paramref name="path"/>; empty when absent or null.</summary>
    public IReadOnlyList<string> Strings(string path)
    {
        if (Find(path) is not { } value)
        {
            return [];
        }

        string where = Where;
        return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(e => e.GetString()!).ToList()
            : throw new AccessImportException($"{where}: {path} must be an array of strings");
    }

    /// <summary>Whether the member at <paramref name="path"/> is there at all (null included).</summary>
    private bool Has(string path) => Walk(path, out _);

    /// <summary>The member at <paramref name="path"/>; null when absent or JSON null.</summary>
    private JsonElement? Find(string path) =>
        Walk(path, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private bool Walk(string path, out JsonElement value)
    {
        value = Element;
        foreach (string member in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(member, out value))
            {
                return false;
            }
        }

        return true;
    }
}
