using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Sources;

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
        byte[] bytes = InputFile.Read(path, why => new AccessSnapshotException($"access snapshot {name} {why}"));
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
                Counts(u, "resourceAccess", name, $"users[{i}]"))
            {
                DisplayName = Text(u, "displayName", name, $"users[{i}]", required: false),
                Mfa = Word<MfaStatus>(u, "mfa", name, $"users[{i}]"),
                Accounts = Array(u, "accounts", name, $"users[{i}]").Select((a, j) => Account(a, name, $"users[{i}].accounts[{j}]")).ToList(),
            }).ToList();
            var keys = Array(root, "apiKeys", name).Select((k, i) => new SnapshotApiKey(
                Text(k, "id", name, $"apiKeys[{i}]")!,
                Text(k, "owner", name, $"apiKeys[{i}]", required: false),
                Text(k, "provider", name, $"apiKeys[{i}]")!,
                Time(k, "createdAt", name, $"apiKeys[{i}]"),
                Time(k, "expiresAt", name, $"apiKeys[{i}]"),
                Time(k, "lastUsed", name, $"apiKeys[{i}]"))
            {
                LastRotated = Time(k, "lastRotated", name, $"apiKeys[{i}]"),
                Active = Flag(k, "active", name, $"apiKeys[{i}]"),
            }).ToList();
            return new AccessSnapshot(Time(root, "takenAt", name, "snapshot"), users, keys);
        }
        catch (JsonException exception)
        {
            throw new AccessSnapshotException($"access snapshot {name} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" LineNumber")[0]}");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string property, string name, string? where = null)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        string member = where is null ? $"'{property}'" : $"{where}.{property}";
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new AccessSnapshotException($"access snapshot {name}: {member} must be an array");
        }

        var items = value.EnumerateArray().ToList();
        if (items.Any(item => item.ValueKind != JsonValueKind.Object))
        {
            throw new AccessSnapshotException($"access snapshot {name}: every entry of {member} must be an object");
        }

        return items;
    }

    private static SnapshotAccount Account(JsonElement account, string name, string where) =>
        new(
            Text(account, "system", name, where)!,
            Text(account, "sourceUserId", name, where)!,
            Text(account, "login", name, where)!,
            Word<AccountStatus>(account, "status", name, where) ?? throw new AccessSnapshotException($"access snapshot {name}: {where}.status must be one of {Words<AccountStatus>()}"),
            Word<MfaStatus>(account, "mfa", name, where) ?? MfaStatus.Unknown)
        {
            DisplayName = Text(account, "displayName", name, where, required: false),
            CreatedAt = Time(account, "createdAt", name, where),
            LastActive = Time(account, "lastActive", name, where),
            NeverLoggedIn = Flag(account, "neverLoggedIn", name, where) ?? false,
            Groups = Strings(account, "groups", name, where),
        };

    /// <summary>An optional member holding one of the kebab-case names of <typeparamref name="TEnum"/>.</summary>
    private static TEnum? Word<TEnum>(JsonElement item, string property, string name, string where)
        where TEnum : struct, Enum
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() == KebabCase.FromEnum(candidate))
            {
                return candidate;
            }
        }

        throw new AccessSnapshotException($"access snapshot {name}: {where}.{property} must be one of {Words<TEnum>()}");
    }

    private static string Words<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => KebabCase.FromEnum(v)));

    private static bool? Flag(JsonElement item, string property, string name, string where)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new AccessSnapshotException($"access snapshot {name}: {where}.{property} must be true or false");
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

public sealed record SnapshotUser(string Id, string Role, IReadOnlyList<string> Departments, DateTimeOffset? LastActive, IReadOnlyDictionary<string, long> ResourceAccess)
{
    public string? DisplayName { get; init; }

    /// <summary>The person's MFA over their accounts; null when the snapshot does not say.</summary>
    public MfaStatus? Mfa { get; init; }

    /// <summary>The person's accounts in the identity systems, when the snapshot was imported from them.</summary>
    public IReadOnlyList<SnapshotAccount> Accounts { get; init; } = [];
}

public sealed record SnapshotApiKey(string Id, string? Owner, string Provider, DateTimeOffset? CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsed)
{
    /// <summary>When the key was last rotated; null when the snapshot does not say (its age is then from <see cref="CreatedAt"/>).</summary>
    public DateTimeOffset? LastRotated { get; init; }

    /// <summary>False for a key that exists but is deactivated; null when the snapshot does not say (active).</summary>
    public bool? Active { get; init; }

    /// <summary>Whether the key can still be used at <paramref name="instant"/>: not deactivated and not expired.</summary>
    public bool IsUsableAt(DateTimeOffset instant) => Active != false && !(ExpiresAt is { } expires && expires <= instant);
}

/// <summary>An access snapshot that is missing, empty or malformed; the message names the file and the problem.</summary>
public sealed class AccessSnapshotException(string message) : Exception(message);
