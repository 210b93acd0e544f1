using System;
using System.IO;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Events.Reading;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// Reads audit events as a stream and gives each record a verdict: records framed (lines by <see cref="JsonLinesFramer"/>,
/// the elements of a JSON array by <see cref="JsonArrayFramer"/>), fields
/// found (<see cref="EventFields"/>), checked against the catalog (<see cref="EventValidator"/>), repeated (account, id)
/// pairs dropped (<see cref="DuplicateFilter"/>), and every event that passes handed to a sink, whose answer is the
/// record's verdict. Each verdict is counted once, in the input's <see cref="IngestionCounter"/>; each rejection is
/// quarantined with its line number and reason. One reader spans all the inputs of one report or ingestion, so a
/// duplicate is found across files. Not thread-safe.
/// </summary>
public sealed class EventStreamReader
{
    /// <summary>Longest record accepted; a longer line is rejected and skipped, never buffered whole.</summary>
    public const int MaxLineBytes = JsonLinesFramer.MaxLineBytes;

    /// <summary>How far past "now" an event's time may be before it is refused as in the future: the allowance for emitters' clocks.</summary>
    public static readonly TimeSpan DefaultFutureTolerance = TimeSpan.FromMinutes(5);

    private const string NotAnObject = "element is not a JSON object: an array of events holds one object per event";

    private static readonly string TooLong = $"record is longer than {MaxLineBytes} bytes; split it or move bulky data out of attributes";

    private readonly EventFields fields = new();
    private readonly EventValidator validator;
    private readonly DuplicateFilter duplicates = new();
    private readonly IEventQuarantine? quarantine;

    /// <param name="vocabulary">The catalog's event types and outcomes.</param>
    /// <param name="notAfter">Events later than this are refused as being in the future (null: no limit).</param>
    /// <param name="quarantine">Where rejected records go (null: they are counted only).</param>
    public EventStreamReader(EventVocabulary vocabulary, DateTimeOffset? notAfter = null, IEventQuarantine? quarantine = null)
    {
        Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        validator = new EventValidator(vocabulary, notAfter?.UtcTicks ?? long.MaxValue);
        this.quarantine = quarantine;
    }

    /// <summary>The catalog's event types and outcomes that records are checked against.</summary>
    public EventVocabulary Vocabulary { get; }

    /// <summary>
    /// Reads every record of <paramref name="input"/>: each line of JSON Lines, or each element of a JSON array;
    /// <paramref name="source"/> names it in rejections.
    /// </summary>
    /// <exception cref="BrokenContainerException">
    /// A JSON array whose own syntax breaks: every element before the break has been read and counted (the element under
    /// way, too, rejected as the invalid JSON it is).
    /// </exception>
    public void Read(Stream input, string source, IEventSink sink, IngestionCounter counter, EventContainer container = EventContainer.JsonLines)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(counter);
        using IRecordFramer framer = container == EventContainer.JsonArray ? new JsonArrayFramer(input) : new JsonLinesFramer(input);
        while (framer.Next(out var line))
        {
            if (!RejectFramingProblem(line, source, counter))
            {
                Process(line.Text, line.Number, line.IsLast, source, sink, counter);
            }
        }
    }

    /// <summary>Checks one managed event exactly as a line would be (the library API and the HTTP service use it).</summary>
    public void Read(AuditEvent auditEvent, long ordinal, string source, IEventSink sink, IngestionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(counter);
        byte[] line;
        try
        {
            line = EventJson.ToUtf8(auditEvent);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            Reject(counter, source, ordinal, "the event cannot be written as JSON (attributes must hold a JSON object): " + EventFields.FirstSentence(exception.Message), default);
            return;
        }

        Process(line, ordinal, isLast: false, source, sink, counter);
    }

    private void Process(ReadOnlySpan<byte> line, long number, bool isLast, string source, IEventSink sink, IngestionCounter counter)
    {
        string? reason = fields.Extract(line);
        if (reason is not null)
        {
            RejectUnreadable(line, number, isLast, reason, source, counter);
            return;
        }

        Judge(fields.Draft(line), line, number, source, sink, counter);
    }

    /// <summary>Rejects a framed line that is no record (too long, not an object, NUL padding) and says so; false for a record to process.</summary>
    internal bool RejectFramingProblem(in FramedLine line, string source, IngestionCounter counter)
    {
        switch (line.Kind)
        {
            case FramedLineKind.TooLong:
                Reject(counter, source, line.Number, TooLong, line.Text);
                return true;
            case FramedLineKind.NotAnObject:
                Reject(counter, source, line.Number, NotAnObject, line.Text);
                return true;
            case FramedLineKind.NulPadding:
                Reject(counter, source, line.Number, $"{line.Text.Length} NUL bytes and nothing else: the file was padded or cut off by a crash; the records before it are kept", line.Text);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Rejects a record that could not be read; an input's last line cut off in the middle of its JSON marks the input
    /// truncated, with that reason instead.
    /// </summary>
    internal void RejectUnreadable(ReadOnlySpan<byte> text, long number, bool isLast, string reason, string source, IngestionCounter counter)
    {
        if (isLast && reason.StartsWith("invalid JSON", StringComparison.Ordinal) && EventFields.IsIncomplete(text))
        {
            counter.MarkTruncated();
            reason = "truncated last line: the input ends without a newline in the middle of a record (an interrupted write?)";
        }

        Reject(counter, source, number, reason, text);
    }

    /// <summary>
    /// Gives one drafted event its verdict, counted once: the required fields, the catalog and clock checks, the
    /// duplicate check, then the sink's answer. Native lines and a log source's mapped records both come this way.
    /// </summary>
    /// <param name="draft">The event's fields.</param>
    /// <param name="text">The record as read: checked as UTF-8, and quarantined when rejected.</param>
    /// <param name="number">The record's line or element number.</param>
    /// <param name="source">The input's name, for rejections.</param>
    /// <param name="sink">Where an accepted event goes.</param>
    /// <param name="counter">The input's counts.</param>
    internal void Judge(in EventDraft draft, ReadOnlySpan<byte> text, long number, string source, IEventSink sink, IngestionCounter counter)
    {
        ulong key = 0;
        EventRecord record = default;
        string? reason = EventValidator.CheckRequired(draft);
        if (reason is null)
        {
            // Hashed and prefetched before the rest is checked, so the set's cache miss overlaps that work.
            key = duplicates.Key(draft.Account, draft.Id);
            duplicates.Prefetch(key);
            reason = validator.Validate(draft, text, number, out record);
        }

        if (reason is not null)
        {
            Reject(counter, source, number, reason, text);
            return;
        }

        if (!duplicates.Add(key))
        {
            counter.Count(EventVerdictKind.Duplicate);
            return;
        }

        var verdict = sink.Accept(in record);
        if (verdict.Kind == EventVerdictKind.Rejected)
        {
            // Refused by the sink (another tenant's record, say): a later copy is judged again, not taken for a duplicate.
            duplicates.Remove(key);
            Reject(counter, source, number, verdict.Reason!, text);
            return;
        }

        counter.Count(verdict.Kind);
    }

    /// <summary>Rejects a record, counted once and quarantined with its reason.</summary>
    internal void Reject(IngestionCounter counter, string source, long line, string reason, ReadOnlySpan<byte> text)
    {
        counter.Count(EventVerdictKind.Rejected);
        if (quarantine is not null)
        {
            int length = Math.Min(text.Length, EventRejection.MaxTextLength);
            while (length < text.Length && length > 0 && (text[length] & 0xC0) == 0x80)
            {
                length--;
            }

            quarantine.Add(new EventRejection(source, line, reason, Encoding.UTF8.GetString(text[..length])));
        }
    }
}
