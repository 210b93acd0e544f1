using System;
using System.Linq;
using System.Text;
using System.Text.Unicode;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// Checks a record's fields against the catalog and the clock: the required fields present, valid UTF-8, a time with
/// an offset, a declared type and outcome, not in the future. A valid record comes out as an <see cref="EventRecord"/>
/// with its type and cell resolved.
/// </summary>
internal sealed class EventValidator
{
    private static readonly EventField[] Required = [EventField.Id, EventField.Time, EventField.Type, EventField.Actor, EventField.Account];

    private readonly EventVocabulary vocabulary;
    private readonly long notAfterTicks;

    /// <param name="vocabulary">The catalog's event types and outcomes.</param>
    /// <param name="notAfterTicks">Events later than this (UTC ticks) are refused as being in the future.</param>
    public EventValidator(EventVocabulary vocabulary, long notAfterTicks)
    {
        this.vocabulary = vocabulary;
        this.notAfterTicks = notAfterTicks;
    }

    /// <summary>Why a required field is missing, or null.</summary>
    public static string? CheckRequired(EventFields fields)
    {
        if (fields.IsMissing(EventField.Id) || fields.IsMissing(EventField.Time) || fields.IsMissing(EventField.Type)
            || fields.IsMissing(EventField.Actor) || fields.IsMissing(EventField.Account))
        {
            var missing = Required.Where(fields.IsMissing).Select(EventFields.Name);
            return "missing required field(s): " + string.Join(", ", missing) + " (id, time, type, actor and account must be non-empty strings)";
        }

        return null;
    }

    /// <summary>Why the record (its required fields present) is not a valid event, or null when <paramref name="record"/> holds it.</summary>
    public string? Validate(ReadOnlySpan<byte> line, long number, EventFields fields, out EventRecord record)
    {
        record = default;
        if (!Utf8.IsValid(line))
        {
            return "record is not valid UTF-8";
        }

        string? timeError = Rfc3339Timestamp.TryParse(fields.Value(EventField.Time, line), out long utcTicks);
        if (timeError is not null)
        {
            return timeError;
        }

        var typeText = fields.Value(EventField.Type, line);
        int type = vocabulary.FindType(typeText);
        if (type < 0)
        {
            return $"unknown event type '{Encoding.UTF8.GetString(typeText)}': declare it in the events catalog or fix the emitter";
        }

        int cell;
        if (fields.IsAbsent(EventField.Outcome))
        {
            cell = vocabulary.CellWithoutOutcome(type);
        }
        else
        {
            var outcome = fields.Value(EventField.Outcome, line);
            cell = vocabulary.FindCell(type, outcome);
            if (cell < 0)
            {
                var declared = vocabulary.Outcomes[type];
                return $"outcome '{Encoding.UTF8.GetString(outcome)}' is not declared for type '{vocabulary.Types[type]}' "
                    + (declared.Length == 0 ? "(it declares no outcomes)" : "(declared: " + string.Join(", ", declared) + ")");
            }
        }

        if (utcTicks > notAfterTicks)
        {
            return $"time {new DateTimeOffset(utcTicks, TimeSpan.Zero):yyyy-MM-ddTHH:mm:ssZ} is in the future (later than {new DateTimeOffset(notAfterTicks, TimeSpan.Zero):yyyy-MM-ddTHH:mm:ssZ}); check the emitter's clock";
        }

        record = new EventRecord
        {
            Line = number,
            Id = fields.Value(EventField.Id, line),
            Account = fields.Value(EventField.Account, line),
            Actor = fields.Value(EventField.Actor, line),
            Resource = fields.Value(EventField.Resource, line),
            Ip = fields.Value(EventField.Ip, line),
            Attributes = fields.Value(EventField.Attributes, line),
            Type = type,
            Cell = cell,
            UtcTicks = utcTicks,
        };
        return null;
    }
}
