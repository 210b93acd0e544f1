using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// Everything a report needs from the events, gathered in one pass: counts per (type, outcome) cell and day, actors of
/// the audit-log days, and a bounded sample per control. Memory grows with cells × days + distinct actors, never with
/// the number of events. A store fills it with pre-aggregated rows through <see cref="AddCount"/>, <see cref="AddActor"/>
/// and <see cref="OfferSample"/>; a stream fills it through <see cref="Accept"/>.
/// </summary>
public sealed class EvidenceTally : IEventSink
{
    private readonly long[] counts;
    private readonly EvidenceFilter filter;
    private readonly SampleReservoir[] samples;
    private readonly Dictionary<string, long> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> actorsBySpan;

    public EvidenceTally(EventVocabulary vocabulary, ReportWindow window, string account, int sampleSize)
    {
        Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        Window = window ?? throw new ArgumentNullException(nameof(window));
        Account = account ?? throw new ArgumentNullException(nameof(account));
        ArgumentOutOfRangeException.ThrowIfNegative(sampleSize);
        SampleSize = sampleSize;
        filter = new EvidenceFilter(account, window);
        counts = new long[vocabulary.CellCount * window.TotalDays];
        samples = Array.ConvertAll(vocabulary.Controls, _ => new SampleReservoir(sampleSize));
        actorsBySpan = actors.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public EventVocabulary Vocabulary { get; }

    public ReportWindow Window { get; }

    public string Account { get; }

    /// <summary>
    /// When true and the account has no events, a store names its largest other accounts in
    /// <see cref="WindowCounts.OtherAccountVolumes"/> — for the store's owner, to tell a mistyped account; never counted
    /// in a report, and never asked by the server, whose callers must not learn of other tenants. A stream names the
    /// accounts it reads anyway (a file's other accounts are its reader's own data).
    /// </summary>
    public bool NamesOtherAccounts { get; init; }

    /// <summary>How the events counted so far divide between the window, outside it and other accounts.</summary>
    public WindowCounts Classified => filter.Counts;

    /// <summary>Events kept per control: the first ones by (time, id).</summary>
    public int SampleSize { get; }

    /// <summary>Events counted per actor over the audit-log days.</summary>
    public IReadOnlyDictionary<string, long> Actors => actors;

    /// <summary>Events of <paramref name="cell"/> on tally day <paramref name="day"/>.</summary>
    public long Count(int cell, int day) => counts[(cell * Window.TotalDays) + day];

    /// <summary>The sample of a control (index into <see cref="EventVocabulary.Controls"/>), earliest first.</summary>
    public IEnumerable<AuditEvent> SampleOf(int control) => samples[control].Events;

    /// <summary>Counts an event; every valid event is accepted (the classification says whether it is evidence).</summary>
    public EventVerdict Accept(in EventRecord record)
    {
        int day = filter.Classify(in record);
        if (day < 0)
        {
            return EventVerdict.Accepted;
        }

        counts[(record.Cell * Window.TotalDays) + day]++;
        if (day >= Window.AuditOffset)
        {
            CountActor(record.Actor);
        }

        if (day < Window.WindowOffset)
        {
            return EventVerdict.Accepted;
        }

        AuditEvent? materialized = null;
        foreach (int control in Vocabulary.ControlsOf(record.Cell))
        {
            if (samples[control].Wants(record.UtcTicks, record.Id))
            {
                materialized ??= record.ToAuditEvent(Vocabulary);
                samples[control].Add(materialized);
            }
        }

        return EventVerdict.Accepted;
    }

    /// <summary>Adds <paramref name="count"/> events of a cell on a tally day (a store's GROUP BY row).</summary>
    public void AddCount(int cell, int day, long count) => counts[(cell * Window.TotalDays) + day] += count;

    /// <summary>Adds events of an actor within the audit-log days (a store's GROUP BY row).</summary>
    public void AddActor(string actor, long count) => CollectionsMarshal.GetValueRefOrAddDefault(actors, actor, out _) += count;

    /// <summary>Offers an in-window event to the sample of every control its cell maps to.</summary>
    public void OfferSample(int cell, AuditEvent auditEvent)
    {
        foreach (int control in Vocabulary.ControlsOf(cell))
        {
            samples[control].Add(auditEvent);
        }
    }

    private void CountActor(ReadOnlySpan<byte> actor)
    {
        if (actor.Length > 512)
        {
            AddActor(Encoding.UTF8.GetString(actor), 1);
            return;
        }

        Span<char> chars = stackalloc char[actor.Length];
        int length = Encoding.UTF8.GetChars(actor, chars);
        CollectionsMarshal.GetValueRefOrAddDefault(actorsBySpan, chars[..length], out _)++;
    }
}
