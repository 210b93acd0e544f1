using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>One entry of a report's <c>signatures</c> array.</summary>
internal sealed record SignatureEntry(string Algorithm, string KeyId, string Value)
{
    /// <summary>
    /// Reads the raw JSON of a <c>signatures</c> member: an array of objects with string members <c>algorithm</c>,
    /// <c>keyId</c> and <c>value</c>. Returns null and says why when it is anything else.
    /// </summary>
    public static List<SignatureEntry>? TryReadAll(ReadOnlySpan<byte> rawArray, out string? problem)
    {
        // The block is small; a document is the simplest faithful reader of it.
        using var document = JsonDocument.Parse(rawArray.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            problem = "the 'signatures' member is " + Article(root.ValueKind) + ", not an array of signatures";
            return null;
        }

        var entries = new List<SignatureEntry>();
        int index = 0;
        foreach (var item in root.EnumerateArray())
        {
            string? algorithm = Member(item, "algorithm");
            string? keyId = Member(item, "keyId");
            string? value = Member(item, "value");
            if (algorithm is null || keyId is null || value is null)
            {
                problem = "signature " + (index + 1).ToString(CultureInfo.InvariantCulture)
                    + " is not an object with string members 'algorithm', 'keyId' and 'value'";
                return null;
            }

            entries.Add(new SignatureEntry(algorithm, keyId, value));
            index++;
        }

        problem = null;
        return entries;
    }

    private static string? Member(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var member) || member.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return member.GetString();
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate: no usable text.
            return null;
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
