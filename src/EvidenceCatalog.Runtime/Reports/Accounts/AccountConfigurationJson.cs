using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Reports.Accounts;

/// <summary>
/// Reads an account configuration, strictly and with the policies schema's rules: every member known, every value of
/// its type and range, each message naming the file and the field (<c>acme.json: piiDetection.mode must be …</c>).
/// </summary>
internal sealed partial class AccountConfigurationJson
{
    private static readonly string[] Members = ["organization", "activeFrameworks", "piiDetection", "dataCategories", "retention"];

    private readonly string name;

    private AccountConfigurationJson(string name)
    {
        this.name = name;
    }

    public static AccountConfiguration Read(ReadOnlySpan<byte> json, string name, string account)
    {
        var reader = new AccountConfigurationJson(name);
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw reader.FileError("is empty");
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
            var root = document.RootElement;
            reader.Object(root, null, Members);
            return new AccountConfiguration(
                account,
                reader.Organization(root, account),
                Optional(root, "activeFrameworks", v => reader.Ids(v, "activeFrameworks")),
                Optional(root, "piiDetection", reader.Pii),
                Optional(root, "dataCategories", reader.Categories),
                Optional(root, "retention", reader.Retention));
        }
        catch (JsonException exception)
        {
            throw reader.FileError($"is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" LineNumber")[0]}");
        }
    }

    private static T? Optional<T>(JsonElement parent, string member, Func<JsonElement, T> read)
        where T : class =>
        parent.TryGetProperty(member, out var value) ? read(value) : null;

    private string? Organization(JsonElement root, string account)
    {
        if (!root.TryGetProperty("organization", out var organization))
        {
            return null;
        }

        Object(organization, "organization", ["id", "name"]);
        if (organization.TryGetProperty("id", out var id) && Text(id, "organization.id") != account)
        {
            throw Error($"organization.id is '{id.GetString()}', but the file is the configuration of account '{account}'; leave the id out or make it '{account}'");
        }

        return organization.TryGetProperty("name", out var orgName) ? Text(orgName, "organization.name") : null;
    }

    private PiiDetection Pii(JsonElement pii)
    {
        Object(pii, "piiDetection", ["enabled", "mode", "entities", "minConfidencePercent"], required: true);
        var enabled = pii.GetProperty("enabled");
        if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Error("piiDetection.enabled must be true or false");
        }

        return new PiiDetection(
            enabled.GetBoolean(),
            Enumerated<PiiDetectionMode>(pii.GetProperty("mode"), "piiDetection.mode"),
            Ids(pii.GetProperty("entities"), "piiDetection.entities").ToEquatableArray(),
            Integer(pii.GetProperty("minConfidencePercent"), "piiDetection.minConfidencePercent", 0, 100));
    }

    private IReadOnlyList<DataCategory> Categories(JsonElement categories)
    {
        var items = NonEmptyArray(categories, "dataCategories");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DataCategory>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            string where = $"dataCategories[{i}]";
            Object(items[i], where, ["id", "name", "residency", "description"], required: true, optional: ["description"]);
            string id = Id(items[i].GetProperty("id"), where + ".id");
            if (!seen.Add(id))
            {
                throw Error($"{where}.id '{id}' is given twice");
            }

            result.Add(new DataCategory(
                id,
                Text(items[i].GetProperty("name"), where + ".name"),
                Enumerated<DataResidency>(items[i].GetProperty("residency"), where + ".residency"),
                items[i].TryGetProperty("description", out var description) ? Text(description, where + ".description") : null));
        }

        return result;
    }

    private RetentionPolicy Retention(JsonElement retention)
    {
        Object(retention, "retention", ["auditLogDays", "evidenceDays", "incidentRecordDays"], required: true);
        return new RetentionPolicy(
            Integer(retention.GetProperty("auditLogDays"), "retention.auditLogDays", 1, int.MaxValue),
            Integer(retention.GetProperty("evidenceDays"), "retention.evidenceDays", 1, int.MaxValue),
            Integer(retention.GetProperty("incidentRecordDays"), "retention.incidentRecordDays", 1, int.MaxValue));
    }

    /// <summary>An object with known members only (all of <paramref name="members"/> when <paramref name="required"/>, less <paramref name="optional"/>).</summary>
    private void Object(JsonElement value, string? where, string[] members, bool required = false, string[]? optional = null)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw where is null
                ? FileError("must be a JSON object (with optional " + string.Join(", ", members.Select(m => "'" + m + "'")) + ")")
                : Error(where + " must be an object");
        }

        foreach (var member in value.EnumerateObject())
        {
            if (!members.Contains(member.Name, StringComparer.Ordinal))
            {
                throw Error($"{(where is null ? string.Empty : where + ".")}{member.Name} is unknown; {where ?? "an account configuration"} may have: {string.Join(", ", members)}");
            }
        }

        if (required && members.Except(optional ?? []).FirstOrDefault(m => !value.TryGetProperty(m, out _)) is { } missing)
        {
            throw Error($"{where}.{missing} is missing; {where} needs {string.Join(", ", members.Except(optional ?? []))}");
        }
    }

    private List<JsonElement> NonEmptyArray(JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Error($"{where} must be a non-empty array");
        }

        return value.EnumerateArray().ToList();
    }

    private IReadOnlyList<string> Ids(JsonElement value, string where)
    {
        var items = NonEmptyArray(value, where);
        var ids = items.Select((item, i) => Id(item, $"{where}[{i}]")).ToList();
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Error($"{where} holds '{twice.Key}' twice");
        }

        return ids;
    }

    private string Id(JsonElement value, string where)
    {
        string text = Text(value, where);
        return KebabId().IsMatch(text) ? text : throw Error($"{where} must be a kebab-case id (e.g. customer-content), not '{text}'");
    }

    private string Text(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Error($"{where} must be a non-empty string");

    private int Integer(JsonElement value, string where, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= min && number <= max
            ? number
            : throw Error($"{where} must be an integer from {min} to {max}, not {Shown(value)}");

    private TEnum Enumerated<TEnum>(JsonElement value, string where)
        where TEnum : struct, Enum
    {
        string[] words = Enum.GetValues<TEnum>().Select(KebabCase.FromEnum).ToArray();
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        int index = text is null ? -1 : Array.IndexOf(words, text);
        return index >= 0 ? Enum.GetValues<TEnum>()[index] : throw Error($"{where} must be one of {string.Join(", ", words)}, not {Shown(value)}");
    }

    private static string Shown(JsonElement value)
    {
        string raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    private AccountConfigurationException Error(string problem) => new($"account configuration {name}: {problem}");

    private AccountConfigurationException FileError(string problem) => new($"account configuration {name} {problem}");

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();
}
