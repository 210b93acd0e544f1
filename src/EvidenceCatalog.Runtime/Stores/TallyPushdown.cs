using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// The part of a pushed-down aggregation that is the same for every database: maps grouped rows (day, type, outcome,
/// count) to cells, says which evidence rows and metric addresses to read, records every query for the report's
/// provenance, and derives the statistics a stream would have counted. Rows whose type or outcome the current catalog
/// does not declare (stored under an older catalog) are counted as rejected, exactly as the reader would reject them,
/// and kept out of counts, actors and samples.
/// </summary>
public sealed class TallyPushdown
{
    private readonly EvidenceTally tally;
    private readonly IngestionCounter counter;
    private readonly ReportWindow window;
    private readonly long[] dayCounts;
    private readonly List<RecordedQuery> queries = [];
    private (string Kind, int SchemaVersion, string Isolation)? store;
    private long covered;
    private long declaredInWindow;
    private long declaredBeforeWindow;
    private long undeclared;

    /// <param name="tally">The tally the grouped rows fill.</param>
    /// <param name="counter">Where the store's rows are counted as read (accepted, or rejected when the catalog no longer declares them).</param>
    public TallyPushdown(EvidenceTally tally, IngestionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(counter);
        this.tally = tally;
        this.counter = counter;
        window = tally.Window;
        dayCounts = new long[tally.Vocabulary.CellCount * window.TotalDays];
    }

    /// <summary>True when some row of the audit-log days has a type or outcome the catalog does not declare.</summary>
    public bool UndeclaredInAuditDays { get; private set; }

    /// <summary>Start of tally day <paramref name="day"/> as UTC ticks; day <see cref="ReportWindow.TotalDays"/> is the end.</summary>
    public long DayStart(int day) => window.DayStartUtc(day).UtcTicks;

    /// <summary>One row of <c>GROUP BY day, type, outcome</c> over the covered days.</summary>
    public void AddDayCount(int day, string type, string? outcome, long count)
    {
        covered += count;
        int cell = CellOf(type, outcome);
        if (cell < 0)
        {
            undeclared += count;
            UndeclaredInAuditDays |= day >= window.AuditOffset;
            return;
        }

        tally.AddCount(cell, day, count);
        dayCounts[(cell * window.TotalDays) + day] += count;
        if (day >= window.WindowOffset)
        {
            declaredInWindow += count;
        }
        else
        {
            declaredBeforeWindow += count;
        }
    }

    /// <summary>One row of <c>GROUP BY actor</c> over the audit-log days (when no undeclared row is among them).</summary>
    public void AddActor(string actor, long count) => tally.AddActor(actor, count);

    /// <summary>One row of <c>GROUP BY actor, type, outcome</c> over the audit-log days; undeclared rows are left out.</summary>
    public void AddActor(string actor, string type, string? outcome, long count)
    {
        if (CellOf(type, outcome) >= 0)
        {
            tally.AddActor(actor, count);
        }
    }

    /// <summary>
    /// The event types whose rows may be evidence for a control: the types the query of the window's evidence rows
    /// (<see cref="AddEvidence"/>) reads, in catalog order. Empty when the tally needs no rows (<see cref="EvidenceTally.NeedsEvidenceRows"/>).
    /// </summary>
    public IReadOnlyList<string> EvidenceTypes()
    {
        var vocabulary = tally.Vocabulary;
        var types = new List<string>();
        if (!tally.NeedsEvidenceRows)
        {
            return types;
        }

        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            string type = vocabulary.Types[vocabulary.TypeOf(cell)];
            if (vocabulary.ControlsOf(cell).Length > 0 && (types.Count == 0 || types[^1] != type))
            {
                types.Add(type);
            }
        }

        return types;
    }

    /// <summary>
    /// One row of the window's evidence rows (of <see cref="EvidenceTypes"/>, in any order): rows of a cell that is
    /// evidence for no control, or that the catalog does not declare, are passed over, as the stream passes them.
    /// </summary>
    public void AddEvidence(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        int cell = CellOf(auditEvent.Type, auditEvent.Outcome);
        if (cell >= 0 && tally.Vocabulary.ControlsOf(cell).Length > 0)
        {
            tally.AddEvidence(cell, auditEvent);
        }
    }

    /// <summary>
    /// The security metrics whose distinct addresses a store counts (<c>count(DISTINCT ip)</c> over the window), each
    /// with the cells it counts as one type, the declared outcomes among them, and whether events without an outcome count.
    /// </summary>
    public IEnumerable<MetricAddresses> MetricAddressQueries()
    {
        var vocabulary = tally.Vocabulary;
        for (int m = 0; m < vocabulary.Metrics.Length; m++)
        {
            int[] cells = vocabulary.Metrics[m].Cells;
            if (cells.Length == 0)
            {
                continue;
            }

            string type = vocabulary.Types[vocabulary.TypeOf(cells[0])];
            var outcomes = cells.Select(vocabulary.OutcomeOf).Where(o => o is not null).Select(o => o!).ToArray();
            yield return new MetricAddresses(m, vocabulary.Metrics[m].Metric.Id, type, outcomes, cells.Any(c => vocabulary.OutcomeOf(c) is null));
        }
    }

    /// <summary>The distinct addresses of a metric, as the store counted them.</summary>
    public void SetDistinctIps(int metric, long count) => tally.SetDistinctIps(metric, count);

    /// <summary>Names the store in the report's provenance: its kind, schema version and isolation; queries are recorded after it.</summary>
    public void DescribeStore(string kind, int schemaVersion, string isolation)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(isolation);
        store = (kind, schemaVersion, isolation);
    }

    /// <summary>
    /// Records a query in the report's provenance as it is sent (its time is taken now, on the tally's clock); the
    /// store counts its rows into the record returned.
    /// </summary>
    /// <param name="purpose">What it pulls, in words.</param>
    /// <param name="sql">The statement exactly as sent.</param>
    /// <param name="parameters">Its parameters by name; never a secret.</param>
    /// <param name="perExecution">For a statement run once per value: the parameters that change, one value per run.</param>
    public RecordedQuery Record(string purpose, string sql, IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?>? perExecution = null)
    {
        var query = new RecordedQuery(purpose, sql, parameters, perExecution, Events.EventJson.FormatTime(tally.Clock.GetUtcNow()));
        queries.Add(query);
        return query;
    }

    /// <summary>
    /// True when the tally's account has no rows and the tally asks for the other accounts' names
    /// (<see cref="EvidenceTally.NamesOtherAccounts"/>): the store should name the largest few (<see cref="AddOtherAccount"/>).
    /// </summary>
    public bool ShouldNameOtherAccounts(long accountRows) => accountRows == 0 && tally.NamesOtherAccounts;

    /// <summary>One row of <c>GROUP BY account</c> (the largest few), when asked: named, never counted.</summary>
    public void AddOtherAccount(string account, long count) => tally.Classified.AddOtherAccount(account, count);

    /// <summary>
    /// Counts the rows of the tally's account — the only rows a report from a store reads: other accounts' rows are
    /// not its to count (a served report would otherwise show each tenant the others' volumes). Rows outside the covered
    /// days (whatever their type) and rows before the window are classified as a stream would; duplicates were dropped
    /// when the events were ingested.
    /// </summary>
    /// <param name="accountRows">Rows of the tally's account.</param>
    public void Finish(long accountRows)
    {
        counter.Count(EventVerdictKind.Accepted, accountRows - undeclared);
        counter.Count(EventVerdictKind.Rejected, undeclared);
        var classified = tally.Classified;
        classified.InWindow += declaredInWindow;
        classified.OutsideWindow += declaredBeforeWindow + (accountRows - covered);
        if (store is { } described)
        {
            tally.StoreProvenance = new StoreProvenance(described.Kind, described.SchemaVersion, described.Isolation, queries.Select(q => q.ToQuery()).ToArray());
        }
    }

    private int CellOf(string type, string? outcome)
    {
        int typeIndex = tally.Vocabulary.FindType(type);
        return typeIndex < 0 ? -1 : tally.Vocabulary.FindCell(typeIndex, outcome);
    }
}

/// <summary>A security metric's cells, for a store's count of its distinct addresses.</summary>
/// <param name="Metric">Index into <see cref="Mapping.EventVocabulary.Metrics"/>.</param>
/// <param name="Id">The metric's id.</param>
/// <param name="Type">The event type it counts.</param>
/// <param name="Outcomes">The declared outcomes it counts.</param>
/// <param name="WithoutOutcome">Whether events of the type without an outcome count too.</param>
public sealed record MetricAddresses(int Metric, string Id, string Type, IReadOnlyList<string> Outcomes, bool WithoutOutcome);

/// <summary>A query as a store sends it, for the report's provenance; the store adds up its rows.</summary>
public sealed class RecordedQuery
{
    private readonly string purpose;
    private readonly string sql;
    private readonly IReadOnlyDictionary<string, object?> parameters;
    private readonly IReadOnlyDictionary<string, object?>? perExecution;
    private readonly string ranAt;

    internal RecordedQuery(string purpose, string sql, IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?>? perExecution, string ranAt)
    {
        this.purpose = purpose ?? throw new ArgumentNullException(nameof(purpose));
        this.sql = sql ?? throw new ArgumentNullException(nameof(sql));
        this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        this.perExecution = perExecution;
        this.ranAt = ranAt;
        Executions = perExecution is null ? 1 : perExecution.Values.Select(v => v is Array a ? a.Length : 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>How many times the statement runs: once, or once per value of its per-run parameters.</summary>
    public int Executions { get; }

    /// <summary>Rows returned so far.</summary>
    public long Rows { get; set; }

    internal StoreQuery ToQuery() => new(purpose, sql, Sorted(parameters), ranAt, Rows)
    {
        Executions = perExecution is null ? null : Executions,
        PerExecution = perExecution is null ? null : Sorted(perExecution),
    };

    /// <summary>
    /// The values as the report writes them: text, or arrays of text. Numbers become their decimal text, since instants
    /// are UTC ticks, beyond the integers a signed report holds (2^53).
    /// </summary>
    private static SortedDictionary<string, object?> Sorted(IReadOnlyDictionary<string, object?> values) =>
        new(values.ToDictionary(v => v.Key, v => Text(v.Value), StringComparer.Ordinal), StringComparer.Ordinal);

    private static object? Text(object? value) => value switch
    {
        null or string or string[] => value,
        long[] numbers => Array.ConvertAll(numbers, n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a query parameter of type {value.GetType().Name} cannot be recorded", nameof(value)),
    };
}
