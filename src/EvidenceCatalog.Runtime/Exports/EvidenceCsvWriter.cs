using System;
using System.IO;
using System.Text;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Exports;

/// <summary>
/// The full evidence population as CSV (RFC 4180, formulas neutralised: <see cref="CsvRows"/>): a header row, then one
/// row per control × evidence event with the criteria the control claims, streamed in the order events arrive — or the
/// rows of one control alone.
/// </summary>
public sealed class EvidenceCsvWriter : IEventSink, IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns = ["control_id", "event_id", "time", "type", "outcome", "actor", "account", "resource", "ip", "attributes", "criteria"];

    private readonly CsvRows rows;
    private readonly EventVocabulary vocabulary;
    private readonly ReportWindow window;
    private readonly EvidenceFilter filter;
    private readonly int? control;
    private readonly byte[][] controlIds;
    private readonly byte[][] controlCriteria;
    private readonly byte[][] types;
    private readonly byte[]?[] outcomes;

    /// <param name="output">Where the CSV goes (not disposed).</param>
    /// <param name="vocabulary">The catalog's types, outcomes and controls.</param>
    /// <param name="window">The report's days.</param>
    /// <param name="account">The report's account.</param>
    /// <param name="control">The one control whose rows are written (index into <see cref="EventVocabulary.Controls"/>), or null for all.</param>
    public EvidenceCsvWriter(Stream output, EventVocabulary vocabulary, ReportWindow window, string account, int? control = null)
    {
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        this.window = window ?? throw new ArgumentNullException(nameof(window));
        if (control is { } index)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(control));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, vocabulary.Controls.Length, nameof(control));
        }

        this.control = control;
        filter = new EvidenceFilter(account, window);
        controlIds = Array.ConvertAll(vocabulary.Controls, c => Encoding.UTF8.GetBytes(c.Id));
        controlCriteria = Array.ConvertAll(vocabulary.Controls, c => Encoding.UTF8.GetBytes(string.Join(' ', c.Criteria)));
        types = Array.ConvertAll(vocabulary.Types, Encoding.UTF8.GetBytes);
        outcomes = new byte[vocabulary.CellCount][];
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            outcomes[cell] = vocabulary.OutcomeOf(cell) is { } o ? Encoding.UTF8.GetBytes(o) : null;
        }

        rows = new CsvRows(output ?? throw new ArgumentNullException(nameof(output)), Columns);
    }

    /// <summary>Rows written, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>How the events written so far divide between the window, outside it and other accounts.</summary>
    public WindowCounts Classified => filter.Counts;

    /// <summary>Writes a row per control (or for the one control) for an event of the window; every valid event is accepted.</summary>
    public EventVerdict Accept(in EventRecord record)
    {
        int day = filter.Classify(in record);
        if (day < window.WindowOffset)
        {
            return EventVerdict.Accepted;
        }

        Span<byte> time = stackalloc byte[40];
        int timeLength = Encoding.UTF8.GetBytes(EventJson.FormatTime(new DateTimeOffset(record.UtcTicks, TimeSpan.Zero)), time);
        foreach (int of in vocabulary.ControlsOf(record.Cell))
        {
            if (control is { } only && of != only)
            {
                continue;
            }

            rows.Field(controlIds[of]);
            rows.Field(record.Id);
            rows.Field(time[..timeLength]);
            rows.Field(types[record.Type]);
            rows.Field(outcomes[record.Cell]);
            rows.Field(record.Actor);
            rows.Field(record.Account);
            rows.Field(record.Resource);
            rows.Field(record.Ip);
            rows.Field(record.Attributes);
            rows.Field(controlCriteria[of]);
            rows.EndRow();
            Rows++;
        }

        return EventVerdict.Accepted;
    }

    /// <summary>Writes what is buffered to the stream (which the writer does not own) and flushes it.</summary>
    public void Flush() => rows.Flush();

    public void Dispose() => Flush();
}
