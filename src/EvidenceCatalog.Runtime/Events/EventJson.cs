using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>Writes an event as one JSON Lines record (DESIGN.md, "Events"): the one place the line format is produced.</summary>
public static class EventJson
{
    /// <summary>Writes the event's JSON object (no newline); attributes are written as the raw object they hold.</summary>
    /// <exception cref="JsonException">The attributes are not valid JSON.</exception>
    public static void Write(Utf8JsonWriter writer, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(auditEvent);
        writer.WriteStartObject();
        writer.WriteString("id", auditEvent.Id);
        writer.WriteString("time", FormatTime(auditEvent.Time));
        writer.WriteString("type", auditEvent.Type);
        if (auditEvent.Outcome is not null)
        {
            writer.WriteString("outcome", auditEvent.Outcome);
        }

        writer.WriteString("actor", auditEvent.Actor);
        writer.WriteString("account", auditEvent.Account);
        if (auditEvent.Resource is not null)
        {
            writer.WriteString("resource", auditEvent.Resource);
        }

        if (auditEvent.Ip is not null)
        {
            writer.WriteString("ip", auditEvent.Ip);
        }

        if (auditEvent.Attributes is not null)
        {
            writer.WritePropertyName("attributes");
            writer.WriteRawValue(auditEvent.Attributes);
        }

        writer.WriteEndObject();
    }

    /// <summary>The event as UTF-8 JSON without a newline.</summary>
    public static byte[] ToUtf8(AuditEvent auditEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, auditEvent);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>RFC 3339 in UTC, with the fraction of a second (up to 7 digits, trailing zeros dropped) when there is one: the form reports and exports show.</summary>
    public static string FormatTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
