using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// Writes an access snapshot in the format <see cref="AccessSnapshot.Parse"/> reads (docs/report-format.md, "Access
/// snapshot"): the one writer, for imports and synthetic snapshots alike. Members the snapshot does not hold are left
/// out, never written as null, so a snapshot without the imported members reads and writes as it always did.
/// </summary>
public static class AccessSnapshotWriter
{
    public static void Write(AccessSnapshot snapshot, Stream output)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        Time(writer, "takenAt", snapshot.TakenAt);
        Objects(writer, "users", snapshot.Users, User);
        Objects(writer, "apiKeys", snapshot.ApiKeys, Key);
        writer.WriteEndObject();
    }

    private static void User(Utf8JsonWriter writer, SnapshotUser user)
    {
        writer.WriteStartObject();
        writer.WriteString("id", user.Id);
        Text(writer, "displayName", user.DisplayName);
        writer.WriteString("role", user.Role);
        Strings(writer, "departments", user.Departments);
        Time(writer, "lastActive", user.LastActive);
        if (user.Mfa is { } mfa)
        {
            writer.WriteString("mfa", KebabCase.FromEnum(mfa));
        }

        writer.WriteStartObject("resourceAccess");
        foreach (var (resource, count) in user.ResourceAccess)
        {
            writer.WriteNumber(resource, count);
        }

        writer.WriteEndObject();
        if (user.Accounts.Count > 0)
        {
            Objects(writer, "accounts", user.Accounts, Account);
        }

        writer.WriteEndObject();
    }

    private static void Account(Utf8JsonWriter writer, SnapshotAccount account)
    {
        writer.WriteStartObject();
        writer.WriteString("system", account.System);
        writer.WriteString("sourceUserId", account.SourceUserId);
        writer.WriteString("login", account.Login);
        Text(writer, "displayName", account.DisplayName);
        writer.WriteString("status", KebabCase.FromEnum(account.Status));
        writer.WriteString("mfa", KebabCase.FromEnum(account.Mfa));
        Time(writer, "createdAt", account.CreatedAt);
        Time(writer, "lastActive", account.LastActive);
        if (account.NeverLoggedIn)
        {
            writer.WriteBoolean("neverLoggedIn", true);
        }

        Strings(writer, "groups", account.Groups);
        writer.WriteEndObject();
    }

    private static void Key(Utf8JsonWriter writer, SnapshotApiKey key)
    {
        writer.WriteStartObject();
        writer.WriteString("id", key.Id);
        Text(writer, "owner", key.Owner);
        writer.WriteString("provider", key.Provider);
        if (key.Active is { } active)
        {
            writer.WriteBoolean("active", active);
        }

        Time(writer, "createdAt", key.CreatedAt);
        Time(writer, "lastRotated", key.LastRotated);
        Time(writer, "expiresAt", key.ExpiresAt);
        Time(writer, "lastUsed", key.LastUsed);
        writer.WriteEndObject();
    }

    private static void Objects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, EventJson.FormatTime(value));
        }
    }
}
