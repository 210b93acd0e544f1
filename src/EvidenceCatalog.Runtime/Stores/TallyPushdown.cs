using System;
using System.Collections.Generic;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// The part of a pushed-down aggregation that is the same for every database: maps grouped rows (day, type, outcome,
/// count) to cells, says which sample queries to run and over what range, and derives the statistics a stream would
/// have counted. Rows whose type or outcome the current catalog does not declare (stored under an older catalog) are
/// counted as rejected, exactly as the reader would reject them, and kept out of counts, actors and samples.
/// </summary>
public sealed class TallyPushdown
{
    private readonly EvidenceTally tally;
    private readonly IngestionCounter counter;
    private readonly ReportWindow window;
    private readonly long[] dayCounts;
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
    /// The sample queries to run: each cell that is evidence for a control and has rows in the window, with the time
    /// range that holds its first <see cref="EvidenceTally.SampleSize"/> rows: from the window's start to the end of the
    /// day that completes them, or of the cell's last day with rows when the window holds fewer.
    /// </summary>
    public IEnumerable<SampleRange> SampleRanges()
    {
        SampleRange? open = null;
        foreach (var day in SampleDays())
        {
            if (open is { } done && done.Cell != day.Cell)
            {
                yield return done with { FromTicks = DayStart(window.WindowOffset) };
            }

            open = day;
        }

        if (open is { } last)
        {
            yield return last with { FromTicks = DayStart(window.WindowOffset) };
        }
    }

    /// <summary>
    /// The sample queries one day at a time: for each cell that is evidence for a control, each day of the window that
    /// holds rows of it, in order, until those days hold its first <see cref="EvidenceTally.SampleSize"/> rows. A cell
    /// with rows on a few scattered days is read on those days only, not across the gaps between them.
    /// </summary>
    public IEnumerable<SampleRange> SampleDays()
    {
        if (tally.SampleSize == 0)
        {
            yield break;
        }

        var vocabulary = tally.Vocabulary;
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            if (vocabulary.ControlsOf(cell).Length == 0)
            {
                continue;
            }

            long seen = 0;
            for (int day = window.WindowOffset; day < window.TotalDays && seen < tally.SampleSize; day++)
            {
                long count = dayCounts[(cell * window.TotalDays) + day];
                if (count > 0)
                {
                    seen += count;
                    yield return new SampleRange(cell, vocabulary.Types[vocabulary.TypeOf(cell)], vocabulary.OutcomeOf(cell), DayStart(day), DayStart(day + 1));
                }
            }
        }
    }

    /// <summary>One row of a sample query.</summary>
    public void OfferSample(int cell, AuditEvent auditEvent) => tally.OfferSample(cell, auditEvent);

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
    }

    private int CellOf(string type, string? outcome)
    {
        int typeIndex = tally.Vocabulary.FindType(type);
        return typeIndex < 0 ? -1 : tally.Vocabulary.FindCell(typeIndex, outcome);
    }
}

/// <summary>A sample query: the first rows of one cell from <paramref name="FromTicks"/> to before <paramref name="ToTicks"/>.</summary>
public readonly record struct SampleRange(int Cell, string Type, string? Outcome, long FromTicks, long ToTicks);
