using System;
using System.Text;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>The fields of an event record (DESIGN.md, "Events").</summary>
internal enum EventField
{
    Id,
    Time,
    Type,
    Outcome,
    Actor,
    Account,
    Resource,
    Ip,
    Attributes,
}

/// <summary>
/// Finds the event fields in one record's JSON without allocating: where each value lies in the line (or, when it
/// was escaped, its unescaped copy in a scratch buffer), for the validator to read. Unknown members are skipped; a
/// field given twice, a value of the wrong JSON type, a U+0000 inside a string, or anything but one object on the
/// line is the record's error.
/// </summary>
internal sealed class EventFields
{
    private static readonly string[] Names = ["id", "time", "type", "outcome", "actor", "account", "resource", "ip", "attributes"];
    private static readonly byte[][] NamesUtf8 = Array.ConvertAll(Names, Encoding.UTF8.GetBytes);

    private readonly byte[][] scratch = new byte[Names.Length][];
    private readonly int[] starts = new int[Names.Length];
    private readonly int[] lengths = new int[Names.Length];
    private readonly bool[] escaped = new bool[Names.Length];
    private readonly bool[] present = new bool[Names.Length];

    public EventFields()
    {
        for (int i = 0; i < scratch.Length; i++)
        {
            scratch[i] = new byte[256];
        }
    }

    public static string Name(EventField field) => Names[(int)field];

    /// <summary>Why the line is not a record of event fields, or null when every field was found (or is absent).</summary>
    public string? Extract(ReadOnlySpan<byte> line)
    {
        starts.AsSpan().Fill(-1);
        lengths.AsSpan().Clear();
        escaped.AsSpan().Clear();
        present.AsSpan().Clear();
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "invalid JSON: a record must be one JSON object on one line";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = Find(ref reader);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }

                if (present[field])
                {
                    return $"field '{Names[field]}' appears twice";
                }

                present[field] = true;
                if (reader.TokenType == JsonTokenType.Null && field >= (int)EventField.Outcome && field != (int)EventField.Actor && field != (int)EventField.Account)
                {
                    continue;
                }

                string? problem = field == (int)EventField.Attributes ? Object(ref reader, field) : Text(ref reader, field);
                if (problem is not null)
                {
                    return problem;
                }
            }

            // Anything after the object (a second value, stray text) is an error of the line as a whole.
            if (reader.Read())
            {
                return "invalid JSON: more than one value on the line";
            }
        }
        catch (JsonException exception)
        {
            return "invalid JSON: " + FirstSentence(exception.Message);
        }
        catch (InvalidOperationException)
        {
            return "invalid JSON: a string holds an invalid escape (a lone UTF-16 surrogate?)";
        }

        return null;
    }

    /// <summary>True when the field is absent, null, or an empty string.</summary>
    public bool IsMissing(EventField field) => starts[(int)field] < 0 || lengths[(int)field] == 0;

    /// <summary>True when the field is absent or null.</summary>
    public bool IsAbsent(EventField field) => starts[(int)field] < 0;

    /// <summary>The field's UTF-8 text (an object's raw JSON for <see cref="EventField.Attributes"/>); empty when absent.</summary>
    public ReadOnlySpan<byte> Value(EventField field, ReadOnlySpan<byte> line)
    {
        int f = (int)field;
        return starts[f] < 0 ? default
            : escaped[f] ? scratch[f].AsSpan(0, lengths[f])
            : line.Slice(starts[f], lengths[f]);
    }

    /// <summary>The fields found by the last <see cref="Extract"/> of <paramref name="line"/>, for the validator.</summary>
    public EventDraft Draft(ReadOnlySpan<byte> line) => new()
    {
        Id = Value(EventField.Id, line),
        Time = Value(EventField.Time, line),
        Type = Value(EventField.Type, line),
        HasOutcome = !IsAbsent(EventField.Outcome),
        Outcome = Value(EventField.Outcome, line),
        Actor = Value(EventField.Actor, line),
        Account = Value(EventField.Account, line),
        Resource = Value(EventField.Resource, line),
        Ip = Value(EventField.Ip, line),
        Attributes = Value(EventField.Attributes, line),
    };

    /// <summary>The reason an event field is refused for holding U+0000, whichever way the event came.</summary>
    public static string NulCharacter(string field) => $"field '{field}' holds the character U+0000 (\\u0000), which an event may not contain";

    /// <summary>True when the text is a JSON prefix cut short (unclosed object or string), not a line that is wrong throughout.</summary>
    public static bool IsIncomplete(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return reader.CurrentDepth > 0 || reader.BytesConsumed < line.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The first sentence of a System.Text.Json message, without its position suffix.</summary>
    public static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private string? Object(ref Utf8JsonReader reader, int field)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "field 'attributes' must be an object";
        }

        int begin = (int)reader.TokenStartIndex;
        reader.Skip();
        starts[field] = begin;
        lengths[field] = (int)reader.BytesConsumed - begin;
        return null;
    }

    private string? Text(ref Utf8JsonReader reader, int field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"field '{Names[field]}' must be a string";
        }

        if (!reader.ValueIsEscaped)
        {
            starts[field] = (int)reader.TokenStartIndex + 1;
            lengths[field] = reader.ValueSpan.Length;
            return null;
        }

        var buffer = scratch[field];
        if (buffer.Length < reader.ValueSpan.Length)
        {
            buffer = scratch[field] = new byte[reader.ValueSpan.Length * 2];
        }

        lengths[field] = reader.CopyString(buffer);
        if (buffer.AsSpan(0, lengths[field]).Contains((byte)0))
        {
            // Refused by every store alike: PostgreSQL text cannot hold it, and no real field needs it.
            return NulCharacter(Names[field]);
        }

        escaped[field] = true;
        starts[field] = 0;
        return null;
    }

    private static int Find(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            for (int i = 0; i < NamesUtf8.Length; i++)
            {
                if (reader.ValueTextEquals(NamesUtf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        // The hot path: an unescaped name, told apart by its length and one byte before one comparison.
        var name = reader.ValueSpan;
        int field = name.Length switch
        {
            2 => name[1] == 'd' ? (int)EventField.Id : (int)EventField.Ip,
            4 => name[1] == 'i' ? (int)EventField.Time : (int)EventField.Type,
            5 => (int)EventField.Actor,
            7 => name[0] == 'o' ? (int)EventField.Outcome : (int)EventField.Account,
            8 => (int)EventField.Resource,
            10 => (int)EventField.Attributes,
            _ => -1,
        };
        return field >= 0 && name.SequenceEqual(NamesUtf8[field]) ? field : -1;
    }
}
