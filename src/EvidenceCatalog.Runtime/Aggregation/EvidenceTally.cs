using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sampling;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// Everything a report needs from the events, gathered in one pass: counts per (type, outcome) cell and day, actors of
/// the audit-log days, the distinct addresses of each security metric, the first events of each control, and each
/// control's population digest and sampling candidates. Memory grows with cells × days + distinct actors and addresses,
/// never with the number of events. A store fills it with pre-aggregated rows through <see cref="AddCount"/>,
/// <see cref="AddActor"/> and <see cref="SetDistinctIps"/>, and with the window's evidence rows through
/// <see cref="AddEvidence"/>; a stream fills it through <see cref="Accept"/>.
/// </summary>
public sealed class EvidenceTally : IEventSink
{
    private readonly long[] counts;
    private readonly EvidenceFilter filter;
    private readonly SampleReservoir[] samples;
    private readonly Dictionary<string, long> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> actorsBySpan;
    private readonly PopulationSampler? population;
    private readonly int[][] metricsOfCell;
    private readonly HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>>[] metricIps;
    private readonly long?[] metricIpCounts;

    /// <param name="vocabulary">The catalog's types, outcomes and controls.</param>
    /// <param name="window">The report's days.</param>
    /// <param name="account">The report's account.</param>
    /// <param name="sampleSize">The first events kept per control (<see cref="SampleOf"/>).</param>
    /// <param name="drawsSamples">Whether each control's population is digested and sampled (<see cref="DrawSamples"/>).</param>
    public EvidenceTally(EventVocabulary vocabulary, ReportWindow window, string account, int sampleSize, bool drawsSamples = true)
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
        population = drawsSamples ? new PopulationSampler(vocabulary, window) : null;
        metricsOfCell = new int[vocabulary.CellCount][];
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            var metrics = new List<int>();
            for (int m = 0; m < vocabulary.Metrics.Length; m++)
            {
                if (Array.IndexOf(vocabulary.Metrics[m].Cells, cell) >= 0)
                {
                    metrics.Add(m);
                }
            }

            metricsOfCell[cell] = metrics.ToArray();
        }

        metricIps = new HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>>[vocabulary.Metrics.Length];
        for (int m = 0; m < metricIps.Length; m++)
        {
            metricIps[m] = new HashSet<byte[]>(Utf8KeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
        }

        metricIpCounts = new long?[vocabulary.Metrics.Length];
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

    /// <summary>True when each control's population is digested and sampled (a full report; not a single section).</summary>
    public bool DrawsSamples => population is not null;

    /// <summary>
    /// True when a store must read the window's evidence rows one by one (<see cref="AddEvidence"/>): for the samples,
    /// or for the first events of each control. A single section needs neither.
    /// </summary>
    public bool NeedsEvidenceRows => population is not null || SampleSize > 0;

    /// <summary>The clock a store's queries are timed by in the report's provenance. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How a store pulled the events (its queries), or null when they were read as a stream.</summary>
    public StoreProvenance? StoreProvenance { get; internal set; }

    /// <summary>Events counted per actor over the audit-log days.</summary>
    public IReadOnlyDictionary<string, long> Actors => actors;

    /// <summary>Events of <paramref name="cell"/> on tally day <paramref name="day"/>.</summary>
    public long Count(int cell, int day) => counts[(cell * Window.TotalDays) + day];

    /// <summary>
    /// The first events of a control (index into <see cref="EventVocabulary.Controls"/>), earliest first; without their
    /// attributes, which no report shows (a store does not read them).
    /// </summary>
    public IEnumerable<AuditEvent> SampleOf(int control) => samples[control].Events;

    /// <summary>Distinct non-empty addresses among the window's events of a security metric (index into <see cref="EventVocabulary.Metrics"/>).</summary>
    public long DistinctIps(int metric) => metricIpCounts[metric] ?? metricIps[metric].Set.Count;

    /// <summary>Every control's sample, drawn now that every event has been counted; null when the tally draws none.</summary>
    public ReportSamples? DrawSamples() => population?.Draw(Account);

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

        if (metricsOfCell[record.Cell].Length > 0 && !record.Ip.IsEmpty)
        {
            CountIp(record.Cell, record.Ip);
        }

        int[] controls = Vocabulary.ControlsOf(record.Cell);
        if (controls.Length == 0)
        {
            return EventVerdict.Accepted;
        }

        AuditEvent? materialized = null;
        UInt128 element = population?.ElementOf(in record) ?? default;
        int windowDay = day - Window.WindowOffset;
        foreach (int control in controls)
        {
            if (samples[control].Wants(record.UtcTicks, record.Id))
            {
                materialized ??= record.ToAuditEvent(Vocabulary, attributes: false);
                samples[control].Add(materialized);
            }

            if (population is not null && population[control].Count(element, windowDay, record.Id))
            {
                materialized ??= record.ToAuditEvent(Vocabulary, attributes: false);
                population[control].Add(element, windowDay, materialized);
            }
        }

        return EventVerdict.Accepted;
    }

    /// <summary>Adds <paramref name="count"/> events of a cell on a tally day (a store's GROUP BY row).</summary>
    public void AddCount(int cell, int day, long count) => counts[(cell * Window.TotalDays) + day] += count;

    /// <summary>Adds events of an actor within the audit-log days (a store's GROUP BY row).</summary>
    public void AddActor(string actor, long count) => CollectionsMarshal.GetValueRefOrAddDefault(actors, actor, out _) += count;

    /// <summary>
    /// Adds an evidence event of the window given whole (a store's row of a cell that is evidence for a control): to the
    /// first events and the population of every control its cell maps to. Its count comes with the grouped rows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The event is outside the window.</exception>
    public void AddEvidence(int cell, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        int day = Window.DayOf(auditEvent.Time.UtcTicks);
        if (day < Window.WindowOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(auditEvent), auditEvent.Time, "the event is outside the window");
        }

        foreach (int control in Vocabulary.ControlsOf(cell))
        {
            samples[control].Add(auditEvent);
        }

        population?.Add(cell, day - Window.WindowOffset, auditEvent);
    }

    /// <summary>Sets the distinct addresses of a security metric (a store's <c>count(DISTINCT ip)</c>).</summary>
    public void SetDistinctIps(int metric, long count) => metricIpCounts[metric] = count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountIp(int cell, ReadOnlySpan<byte> ip)
    {
        // By their UTF-8 bytes: the same address is the same bytes, so nothing is decoded for the events seen before.
        foreach (int metric in metricsOfCell[cell])
        {
            metricIps[metric].Add(ip);
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
