using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// Who had access when the snapshot was taken (docs/report-format.md, "Access snapshot"): users with their role,
/// departments, last activity and resource access counts; API keys with provider, validity and use.
/// </summary>
public sealed record AccessSnapshot(DateTimeOffset? TakenAt, IReadOnlyList<SnapshotUser> Users, IReadOnlyList<SnapshotApiKey> ApiKeys)
{
    /// <summary>Reads a snapshot file; <see cref="AccessSnapshotException"/> says what is wrong with it, naming it <paramref name="name"/>.</summary>
    public static AccessSnapshot Load(string path, string name)
    {
        byte[] bytes = ReportInputFile.Read(path, why => new AccessSnapshotException($"access snapshot {name} {why}"));
        return Parse(bytes, name);
    }

    /// <summary>Parses a snapshot; <paramref name="name"/> names it in messages.</summary>
    public static AccessSnapshot Parse(ReadOnlySpan<byte> json, string name)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new AccessSnapshotException($"access snapshot {name} is empty");
        }

        try
        {
            if (json.StartsWith("\uFEFF"u8))
            {
                json = json[3..];
            }

            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AccessSnapshotException($"access snapshot {name} must be a JSON object (with optional 'takenAt', 'users' and 'apiKeys')");
            }

            var users = Array(root, "users", name).Select((u, i) => new SnapshotUser(
                Text(u, "id", name, $"users[{i}]")!,
                Text(u, "role", name, $"users[{i}]")!,
                Strings(u, "departments", name, $"users[{i}]"),
                Time(u, "lastActive", name, $"users[{i}]"),
                Counts(u, "resourceAccess", name, $"users[{i}]"))).ToList();
            var keys = Array(root, "apiKeys", name).Select((k, i) => new SnapshotApiKey(
                Text(k, "id", name, $"apiKeys[{i}]")!,
                Text(k, "owner", name, $"apiKeys[{i}]", required: false),
                Text(k, "provider", name, $"apiKeys[{i}]")!,
                Time(k, "createdAt", name, $"apiKeys[{i}]"),
                Time(k, "expiresAt", name, $"apiKeys[{i}]"),
                Time(k, "lastUsed", name, $"apiKeys[{i}]"))).ToList();
            return new AccessSnapshot(Time(root, "takenAt", name, "snapshot"), users, keys);
        }
        catch (JsonException exception)
        {
            throw new AccessSnapshotException($"access snapshot {name} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" LineNumber")[0]}");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string property, string name)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new AccessSnapshotException($"access snapshot {name}: '{property}' must be an array");
        }

        var items = value.EnumerateArray().ToList();
        if (items.Any(item => item.ValueKind != JsonValueKind.Object))
        {
            throw new AccessSnapshotException($"access snapshot {name}: every entry of '{property}' must be an object");
        }

        return items;
    }

    private static string? Text(JsonElement item, string property, string name, string where, bool required = true)
    {
        if (item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        if (!required && (!item.TryGetProperty(property, out value) || value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        throw new AccessSnapshotException($"access snapshot {name}: {where}.{property} must be a non-empty string");
    }

    private static DateTimeOffset? Time(JsonElement item, string property, string name, string where)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Rfc3339Timestamp.TryParse(Encoding.UTF8.GetBytes(value.GetString()!), out long ticks) is null)
        {
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        throw new AccessSnapshotException($"access snapshot {name}: {where}.{property} must be an RFC 3339 timestamp with an offset");
    }

    private static IReadOnlyList<string> Strings(JsonElement item, string property, string name, string where)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new AccessSnapshotException($"access snapshot {name}: {where}.{property} must be an array of strings");
        }

        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static IReadOnlyDictionary<string, long> Counts(JsonElement item, string property, string name, string where)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return counts;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new AccessSnapshotException($"access snapshot {name}: {where}.{property} must be an object of resource to count");
        }

        foreach (var member in value.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.Number || !member.Value.TryGetInt64(out long count) || count < 0 || count > ReportIntegers.Max)
            {
                // Checked here, not left to the signer: a count beyond 2^53 cannot be signed (RFC 8785 holds integers to ±2^53).
                string given = member.Value.GetRawText();
                throw new AccessSnapshotException(
                    $"access snapshot {name}: {where}.{property}.{member.Name} must be an integer from 0 to {ReportIntegers.Max} (2^53 - 1), not {(given.Length > 40 ? given[..40] + "…" : given)}");
            }

            counts[member.Name] = count;
        }

        return counts;
    }
}

public sealed record SnapshotUser(string Id, string Role, IReadOnlyList<string> Departments, DateTimeOffset? LastActive, IReadOnlyDictionary<string, long> ResourceAccess);

public sealed record SnapshotApiKey(string Id, string? Owner, string Provider, DateTimeOffset? CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsed);

/// <summary>An access snapshot that is missing, empty or malformed; the message names the file and the problem.</summary>
public sealed class AccessSnapshotException(string message) : Exception(message);
