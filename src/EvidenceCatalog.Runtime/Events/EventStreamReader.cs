using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// Reads JSON Lines audit events as a stream (never a whole file in memory), validates each record against the
/// catalog, drops repeated (account, id) pairs, quarantines what is wrong with its line number and reason, and hands
/// every accepted event to a sink. One reader spans all the inputs of one report or ingestion, so a duplicate is found
/// across files. Not thread-safe.
/// </summary>
public sealed class EventStreamReader
{
    /// <summary>Longest record accepted; a longer line is rejected and skipped, never buffered whole.</summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>How far past "now" an event's time may be before it is refused as in the future: the allowance for emitters' clocks.</summary>
    public static readonly TimeSpan DefaultFutureTolerance = TimeSpan.FromMinutes(5);

    private const int ReadChunk = 1 << 20;

    private static readonly string TooLong = $"record is longer than {MaxLineBytes} bytes; split it or move bulky data out of attributes";

    private static readonly string[] FieldNames = ["id", "time", "type", "outcome", "actor", "account", "resource", "ip", "attributes"];
    private static readonly byte[][] FieldNamesUtf8 = Array.ConvertAll(FieldNames, Encoding.UTF8.GetBytes);
    private static readonly Field[] RequiredFields = [Field.Id, Field.Time, Field.Type, Field.Actor, Field.Account];

    private readonly EventVocabulary vocabulary;
    private readonly long notAfterTicks;
    private readonly EventIdSet seen = new();
    private readonly byte[][] scratch = new byte[FieldNames.Length][];
    private readonly int[] starts = new int[FieldNames.Length];
    private readonly int[] lengths = new int[FieldNames.Length];
    private readonly bool[] escaped = new bool[FieldNames.Length];
    private readonly bool[] present = new bool[FieldNames.Length];
    private byte[] lastAccount = [];
    private ulong lastAccountHash;

    /// <param name="vocabulary">The catalog's event types and outcomes.</param>
    /// <param name="notAfter">Events later than this are refused as being in the future (null: no limit).</param>
    public EventStreamReader(EventVocabulary vocabulary, DateTimeOffset? notAfter = null)
    {
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        notAfterTicks = notAfter?.UtcTicks ?? long.MaxValue;
        for (int i = 0; i < scratch.Length; i++)
        {
            scratch[i] = new byte[256];
        }
    }

    private enum Field
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

    /// <summary>Reads every line of <paramref name="input"/>; <paramref name="source"/> names it in rejections.</summary>
    public void Read(Stream input, string source, IEventSink sink, IngestionStats stats, IEventQuarantine? quarantine)
    {
        ArgumentNullException.ThrowIfNull(input);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadChunk * 2);
        try
        {
            int start = 0;
            int end = 0;
            long line = 0;
            bool skippingLongLine = false;
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                    else if (buffer.Length < MaxLineBytes + ReadChunk)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, end).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    else
                    {
                        // A line longer than the limit: reject it once and drop bytes until its newline.
                        line++;
                        stats.Read++;
                        Reject(stats, quarantine, source, line, TooLong, buffer.AsSpan(0, 256));
                        skippingLongLine = true;
                        start = end = 0;
                    }
                }

                int read = input.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    if (end > start && !skippingLongLine)
                    {
                        ProcessLine(buffer.AsSpan(start, end - start), ++line, lastLine: true, source, sink, stats, quarantine);
                    }

                    return;
                }

                int scanFrom = end;
                end += read;
                while (true)
                {
                    int newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    newline += scanFrom;
                    if (skippingLongLine)
                    {
                        skippingLongLine = false;
                    }
                    else
                    {
                        ProcessLine(buffer.AsSpan(start, newline - start), ++line, lastLine: false, source, sink, stats, quarantine);
                    }

                    start = scanFrom = newline + 1;
                }

                if (skippingLongLine)
                {
                    start = end = 0;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Validates one managed event exactly as a line would be (the library API and the HTTP service use it).</summary>
    public void Read(AuditEvent auditEvent, long ordinal, string source, IEventSink sink, IngestionStats stats, IEventQuarantine? quarantine)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        byte[] line;
        try
        {
            line = EventJson.ToUtf8(auditEvent);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            stats.Read++;
            Reject(stats, quarantine, source, ordinal, "the event cannot be written as JSON (attributes must hold a JSON object): " + FirstSentence(exception.Message), default);
            return;
        }

        ProcessLine(line, ordinal, lastLine: false, source, sink, stats, quarantine);
    }

    private void ProcessLine(ReadOnlySpan<byte> line, long number, bool lastLine, string source, IEventSink sink, IngestionStats stats, IEventQuarantine? quarantine)
    {
        if (number == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return;
        }

        stats.Read++;
        if (line.Length > MaxLineBytes)
        {
            Reject(stats, quarantine, source, number, TooLong, line);
            return;
        }

        if (line.Contains((byte)0))
        {
            // Padding from a crash or a preallocated file: NULs around a record are dropped, a line of only NULs is rejected.
            var content = line.Trim("\0 \t"u8);
            if (content.IsEmpty)
            {
                Reject(stats, quarantine, source, number, $"{line.Length} NUL bytes and nothing else: the file was padded or cut off by a crash; the records before it are kept", line);
                return;
            }

            line = content;
        }

        string? reason = Parse(line, number, out var record, out ulong key);
        if (reason is not null)
        {
            if (lastLine && reason.StartsWith("invalid JSON", StringComparison.Ordinal) && IsIncomplete(line))
            {
                stats.TruncatedLastLine = true;
                reason = "truncated last line: the input ends without a newline in the middle of a record (an interrupted write?)";
            }

            Reject(stats, quarantine, source, number, reason, line);
            return;
        }

        if (!seen.Add(key))
        {
            stats.Duplicates++;
            return;
        }

        stats.Accepted++;
        sink.Accept(in record);
    }

    private string? Parse(ReadOnlySpan<byte> line, long number, out EventRecord record, out ulong key)
    {
        record = default;
        key = 0;
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
                int field = FindField(ref reader);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }

                if (present[field])
                {
                    return $"field '{FieldNames[field]}' appears twice";
                }

                present[field] = true;

                if (reader.TokenType == JsonTokenType.Null && field >= (int)Field.Outcome && field != (int)Field.Actor && field != (int)Field.Account)
                {
                    continue;
                }

                if (field == (int)Field.Attributes)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return "field 'attributes' must be an object";
                    }

                    int begin = (int)reader.TokenStartIndex;
                    reader.Skip();
                    starts[field] = begin;
                    lengths[field] = (int)reader.BytesConsumed - begin;
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    return $"field '{FieldNames[field]}' must be a string";
                }

                if (reader.ValueIsEscaped)
                {
                    var buffer = scratch[field];
                    if (buffer.Length < reader.ValueSpan.Length)
                    {
                        buffer = scratch[field] = new byte[reader.ValueSpan.Length * 2];
                    }

                    lengths[field] = reader.CopyString(buffer);
                    if (buffer.AsSpan(0, lengths[field]).Contains((byte)0))
                    {
                        // Refused by every store alike: PostgreSQL text cannot hold it, and no real field needs it.
                        return $"field '{FieldNames[field]}' holds the character U+0000 (\\u0000), which an event may not contain";
                    }

                    escaped[field] = true;
                    starts[field] = 0;
                }
                else
                {
                    starts[field] = (int)reader.TokenStartIndex + 1;
                    lengths[field] = reader.ValueSpan.Length;
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

        if (IsMissing(Field.Id) || IsMissing(Field.Time) || IsMissing(Field.Type) || IsMissing(Field.Actor) || IsMissing(Field.Account))
        {
            var missing = RequiredFields.Where(IsMissing).Select(f => FieldNames[(int)f]);
            return "missing required field(s): " + string.Join(", ", missing) + " (id, time, type, actor and account must be non-empty strings)";
        }

        var id = Value(Field.Id, line);
        var account = Value(Field.Account, line);
        key = KeyHash(account, id);
        seen.Prefetch(key);
        var actor = Value(Field.Actor, line);
        var resource = Value(Field.Resource, line);
        var ip = Value(Field.Ip, line);
        var attributes = Value(Field.Attributes, line);
        if (!Utf8.IsValid(line))
        {
            return "record is not valid UTF-8";
        }

        string? timeError = Rfc3339Timestamp.TryParse(Value(Field.Time, line), out long utcTicks);
        if (timeError is not null)
        {
            return timeError;
        }

        var typeText = Value(Field.Type, line);
        int type = vocabulary.FindType(typeText);
        if (type < 0)
        {
            return $"unknown event type '{Encoding.UTF8.GetString(typeText)}': declare it in the events catalog or fix the emitter";
        }

        int cell;
        if (starts[(int)Field.Outcome] < 0)
        {
            cell = vocabulary.CellWithoutOutcome(type);
        }
        else
        {
            var outcome = Value(Field.Outcome, line);
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
            Id = id,
            Account = account,
            Actor = actor,
            Resource = resource,
            Ip = ip,
            Attributes = attributes,
            Type = type,
            Cell = cell,
            UtcTicks = utcTicks,
        };
        return null;
    }

    private bool IsMissing(Field field) => starts[(int)field] < 0 || lengths[(int)field] == 0;

    private ReadOnlySpan<byte> Value(Field field, ReadOnlySpan<byte> line) =>
        starts[(int)field] < 0 ? default
        : escaped[(int)field] ? scratch[(int)field].AsSpan(0, lengths[(int)field])
        : line.Slice(starts[(int)field], lengths[(int)field]);

    private static int FindField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            for (int i = 0; i < FieldNamesUtf8.Length; i++)
            {
                if (reader.ValueTextEquals(FieldNamesUtf8[i]))
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
            2 => name[1] == 'd' ? (int)Field.Id : (int)Field.Ip,
            4 => name[1] == 'i' ? (int)Field.Time : (int)Field.Type,
            5 => (int)Field.Actor,
            7 => name[0] == 'o' ? (int)Field.Outcome : (int)Field.Account,
            8 => (int)Field.Resource,
            10 => (int)Field.Attributes,
            _ => -1,
        };
        return field >= 0 && name.SequenceEqual(FieldNamesUtf8[field]) ? field : -1;
    }

    private ulong KeyHash(ReadOnlySpan<byte> account, ReadOnlySpan<byte> id)
    {
        if (!account.SequenceEqual(lastAccount))
        {
            lastAccount = account.ToArray();
            lastAccountHash = XxHash3.HashToUInt64(account);
        }

        return XxHash3.HashToUInt64(id, unchecked((long)lastAccountHash));
    }

    /// <summary>True when the text is a JSON prefix cut short (unclosed object or string), not a line that is wrong throughout.</summary>
    private static bool IsIncomplete(ReadOnlySpan<byte> line)
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

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static void Reject(IngestionStats stats, IEventQuarantine? quarantine, string source, long line, string reason, ReadOnlySpan<byte> text)
    {
        stats.Rejected++;
        if (quarantine is not null)
        {
            int length = Math.Min(text.Length, EventRejection.MaxTextLength);
            while (length < text.Length && length > 0 && (text[length] & 0xC0) == 0x80)
            {
                length--;
            }

            var cut = text[..length];
            quarantine.Add(new EventRejection(source, line, reason, Encoding.UTF8.GetString(cut)));
        }
    }
}
