using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Exports;

/// <summary>
/// The full evidence population as CSV (RFC 4180, formulas neutralised: <see cref="CsvRows"/>): a header row, then one
/// row per control × evidence event with the criteria the control claims, streamed in the order events arrive — or the
/// rows of one control alone, or each control's rows into a file of its own, all from one read of the events.
/// </summary>
public sealed class EvidenceCsvWriter : IEventSink, IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns = ["control_id", "event_id", "time", "type", "outcome", "actor", "account", "resource", "ip", "attributes", "criteria"];

    private readonly CsvRows?[] rowsOf;
    private readonly CsvRows[] files;
    private readonly long[] rowCounts;
    private readonly EventVocabulary vocabulary;
    private readonly ReportWindow window;
    private readonly EvidenceFilter filter;
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
        : this(OneOutput(output ?? throw new ArgumentNullException(nameof(output)), vocabulary, control), output, vocabulary, window, account)
    {
    }

    /// <summary>Each control's rows into an output of its own, from one read of the events.</summary>
    /// <param name="outputs">
    /// Where the rows of each control go, by index into <see cref="EventVocabulary.Controls"/> (not disposed); a control
    /// whose output is null is not written. Each output is a CSV file with its own header; controls given the same
    /// stream share one file.
    /// </param>
    /// <param name="vocabulary">The catalog's types, outcomes and controls.</param>
    /// <param name="window">The report's days.</param>
    /// <param name="account">The report's account.</param>
    public EvidenceCsvWriter(IReadOnlyList<Stream?> outputs, EventVocabulary vocabulary, ReportWindow window, string account)
        : this(outputs, whole: null, vocabulary, window, account)
    {
    }

    /// <summary>The outputs by control, and <c>whole</c>: one file even when no control's rows go to it (a catalog without controls).</summary>
    private EvidenceCsvWriter(IReadOnlyList<Stream?> outputs, Stream? whole, EventVocabulary vocabulary, ReportWindow window, string account)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        this.window = window ?? throw new ArgumentNullException(nameof(window));
        if (outputs.Count != vocabulary.Controls.Length)
        {
            throw new ArgumentException("give one output (or null) per control of the vocabulary", nameof(outputs));
        }

        filter = new EvidenceFilter(account, window);
        controlIds = Array.ConvertAll(vocabulary.Controls, c => Encoding.UTF8.GetBytes(c.Id));
        controlCriteria = Array.ConvertAll(vocabulary.Controls, c => Encoding.UTF8.GetBytes(string.Join(' ', c.Criteria)));
        types = Array.ConvertAll(vocabulary.Types, Encoding.UTF8.GetBytes);
        outcomes = new byte[vocabulary.CellCount][];
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            outcomes[cell] = vocabulary.OutcomeOf(cell) is { } o ? Encoding.UTF8.GetBytes(o) : null;
        }

        var byStream = new Dictionary<Stream, CsvRows>(ReferenceEqualityComparer.Instance);
        if (whole is not null)
        {
            byStream[whole] = new CsvRows(whole, Columns);
        }

        rowsOf = new CsvRows?[outputs.Count];
        for (int index = 0; index < outputs.Count; index++)
        {
            if (outputs[index] is { } output)
            {
                rowsOf[index] = byStream.TryGetValue(output, out var rows) ? rows : byStream[output] = new CsvRows(output, Columns);
            }
        }

        files = [.. byStream.Values];
        rowCounts = new long[outputs.Count];
    }

    /// <summary>Rows written, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>How the events written so far divide between the window, outside it and other accounts.</summary>
    public WindowCounts Classified => filter.Counts;

    /// <summary>Rows written of one control (index into <see cref="EventVocabulary.Controls"/>).</summary>
    public long RowsOf(int control) => rowCounts[control];

    /// <summary>Writes a row for each control written (of those the event is evidence for) for an event of the window; every valid event is accepted.</summary>
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
            if (rowsOf[of] is not { } rows)
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
            rowCounts[of]++;
            Rows++;
        }

        return EventVerdict.Accepted;
    }

    /// <summary>Writes what is buffered to the streams (which the writer does not own) and flushes them.</summary>
    public void Flush()
    {
        foreach (var rows in files)
        {
            rows.Flush();
        }
    }

    public void Dispose() => Flush();

    /// <summary>Every control's rows into <paramref name="output"/>, or those of <paramref name="control"/> alone.</summary>
    private static Stream?[] OneOutput(Stream output, EventVocabulary vocabulary, int? control)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var outputs = new Stream?[vocabulary.Controls.Length];
        if (control is { } index)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(control));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, vocabulary.Controls.Length, nameof(control));
            outputs[index] = output;
        }
        else
        {
            Array.Fill(outputs, output);
        }

        return outputs;
    }
}
