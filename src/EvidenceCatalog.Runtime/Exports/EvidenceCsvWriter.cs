using System;
using System.Buffers;
using System.IO;
using System.Text;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Exports;

/// <summary>
/// The full evidence population as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break):
/// a header row, then one row per control × evidence event with the criteria the control claims, streamed in the order
/// events arrive. A cell that a
/// spreadsheet would run as a formula (leading <c>= + - @</c>, tab or carriage return) is prefixed with <c>'</c>.
/// </summary>
public sealed class EvidenceCsvWriter : IEventSink, IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns = ["control_id", "event_id", "time", "type", "outcome", "actor", "account", "resource", "ip", "attributes", "criteria"];

    private readonly Stream output;
    private readonly EventVocabulary vocabulary;
    private readonly ReportWindow window;
    private readonly EvidenceFilter filter;
    private readonly byte[][] controlIds;
    private readonly byte[][] controlCriteria;
    private readonly byte[][] types;
    private readonly byte[]?[] outcomes;
    private readonly ArrayBufferWriter<byte> row = new(512);

    public EvidenceCsvWriter(Stream output, EventVocabulary vocabulary, ReportWindow window, string account)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        this.window = window ?? throw new ArgumentNullException(nameof(window));
        filter = new EvidenceFilter(account, window);
        controlIds = Array.ConvertAll(vocabulary.Controls, c => Encoding.UTF8.GetBytes(c.Id));
        controlCriteria = Array.ConvertAll(vocabulary.Controls, c => Encoding.UTF8.GetBytes(string.Join(' ', c.Criteria)));
        types = Array.ConvertAll(vocabulary.Types, Encoding.UTF8.GetBytes);
        outcomes = new byte[vocabulary.CellCount][];
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            outcomes[cell] = vocabulary.OutcomeOf(cell) is { } o ? Encoding.UTF8.GetBytes(o) : null;
        }

        for (int i = 0; i < Columns.Length; i++)
        {
            if (i > 0)
            {
                row.Write(","u8);
            }

            row.Write(Encoding.UTF8.GetBytes(Columns[i]));
        }

        EndRow();
    }

    /// <summary>Rows written, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>How the events written so far divide between the window, outside it and other accounts.</summary>
    public WindowCounts Classified => filter.Counts;

    /// <summary>Writes a row per control for an event of the window; every valid event is accepted.</summary>
    public EventVerdict Accept(in EventRecord record)
    {
        int day = filter.Classify(in record);
        if (day < window.WindowOffset)
        {
            return EventVerdict.Accepted;
        }

        Span<byte> time = stackalloc byte[40];
        int timeLength = Encoding.UTF8.GetBytes(EventJson.FormatTime(new DateTimeOffset(record.UtcTicks, TimeSpan.Zero)), time);
        foreach (int control in vocabulary.ControlsOf(record.Cell))
        {
            Field(controlIds[control], first: true);
            Field(record.Id);
            Field(time[..timeLength]);
            Field(types[record.Type]);
            Field(outcomes[record.Cell]);
            Field(record.Actor);
            Field(record.Account);
            Field(record.Resource);
            Field(record.Ip);
            Field(record.Attributes);
            Field(controlCriteria[control]);
            EndRow();
            Rows++;
        }

        return EventVerdict.Accepted;
    }

    /// <summary>Writes what is buffered to the stream (which the writer does not own) and flushes it.</summary>
    public void Flush()
    {
        output.Write(row.WrittenSpan);
        row.ResetWrittenCount();
        output.Flush();
    }

    public void Dispose() => Flush();

    private void Field(ReadOnlySpan<byte> value, bool first = false)
    {
        if (!first)
        {
            row.Write(","u8);
        }

        bool formula = !value.IsEmpty && value[0] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';
        bool quote = value.IndexOfAny(",\"\r\n"u8) >= 0;
        if (quote)
        {
            row.Write("\""u8);
        }

        if (formula)
        {
            row.Write("'"u8);
        }

        if (quote)
        {
            foreach (byte b in value)
            {
                row.Write(b == '"' ? "\"\""u8 : [b]);
            }

            row.Write("\""u8);
        }
        else
        {
            row.Write(value);
        }
    }

    private void EndRow()
    {
        row.Write("\r\n"u8);
        if (row.WrittenCount > 64 * 1024)
        {
            output.Write(row.WrittenSpan);
            row.ResetWrittenCount();
        }
    }
}
