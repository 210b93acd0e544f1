using System;
using System.Collections.Generic;
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
    /// <summary>Why a record whose bytes are not UTF-8 is refused.</summary>
    public const string NotUtf8 = "record is not valid UTF-8";

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
    public static string? CheckRequired(in EventDraft draft)
    {
        if (draft.Id.IsEmpty || (draft.Time.IsEmpty && !draft.TimeParsed) || draft.Type.IsEmpty || draft.Actor.IsEmpty || draft.Account.IsEmpty)
        {
            return "missing required field(s): " + string.Join(", ", Missing(draft)) + " (id, time, type, actor and account must be non-empty strings)";
        }

        return null;
    }

    /// <summary>Why the record (its required fields present) is not a valid event, or null when <paramref name="record"/> holds it.</summary>
    /// <param name="draft">The event's fields.</param>
    /// <param name="text">The record as read, whose bytes the fields come from (checked as UTF-8 once, whole).</param>
    /// <param name="number">The record's line or element number.</param>
    /// <param name="record">The valid event, when the answer is null.</param>
    public string? Validate(EventDraft draft, ReadOnlySpan<byte> text, long number, out EventRecord record)
    {
        record = default;
        if (!Utf8.IsValid(text))
        {
            return NotUtf8;
        }

        long utcTicks = draft.UtcTicks;
        string? timeError = draft.TimeParsed ? null : Rfc3339Timestamp.TryParse(draft.Time, out utcTicks);
        if (timeError is not null)
        {
            return timeError;
        }

        var typeText = draft.Type;
        int type = vocabulary.FindType(typeText);
        if (type < 0)
        {
            return $"unknown event type '{Encoding.UTF8.GetString(typeText)}': declare it in the events catalog or fix the emitter";
        }

        int cell;
        if (!draft.HasOutcome)
        {
            cell = vocabulary.CellWithoutOutcome(type);
        }
        else
        {
            var outcome = draft.Outcome;
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
            Id = draft.Id,
            Account = draft.Account,
            Actor = draft.Actor,
            Resource = draft.Resource,
            Ip = draft.Ip,
            Attributes = draft.Attributes,
            Type = type,
            Cell = cell,
            UtcTicks = utcTicks,
        };
        return null;
    }

    private static List<string> Missing(in EventDraft draft)
    {
        // Built only when something is missing: the valid path allocates nothing.
        var missing = new List<string>(5);
        Add(missing, draft.Id.IsEmpty, EventField.Id);
        Add(missing, draft.Time.IsEmpty && !draft.TimeParsed, EventField.Time);
        Add(missing, draft.Type.IsEmpty, EventField.Type);
        Add(missing, draft.Actor.IsEmpty, EventField.Actor);
        Add(missing, draft.Account.IsEmpty, EventField.Account);
        return missing;

        static void Add(List<string> names, bool isMissing, EventField field)
        {
            if (isMissing)
            {
                names.Add(EventFields.Name(field));
            }
        }
    }
}
