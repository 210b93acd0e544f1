using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Synthetic;

/// <summary>What to generate: whose events, over which days, how many a day, from which seed, and which days stay empty.</summary>
public sealed record SyntheticEventOptions
{
    /// <summary>The most days one run covers (ten years).</summary>
    public const int MaxDays = 3660;

    /// <summary>The most events one day holds; a day's working arrays grow with it.</summary>
    public const int MaxPerDay = 10_000_000;

    private readonly EquatableArray<CalendarDate> gapDates = EquatableArray<CalendarDate>.Empty;
    private readonly EquatableArray<SilentDay> silentDays = EquatableArray<SilentDay>.Empty;

    /// <summary>The tenant or organisation every event belongs to (the <c>account</c> field).</summary>
    public required string Account { get; init; }

    /// <summary>The first day of the run (UTC).</summary>
    public required CalendarDate Start { get; init; }

    /// <summary>How many consecutive days, gap days included.</summary>
    public int Days { get; init; } = 120;

    /// <summary>Events on each day that is not a gap.</summary>
    public int PerDay { get; init; } = 1000;

    /// <summary>Everything random follows from this: the same options give the same bytes.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Days with no events at all, ascending and distinct (a coverage gap for every control).</summary>
    public EquatableArray<CalendarDate> GapDates
    {
        get => gapDates;
        init => gapDates = value.Distinct().OrderBy(d => d).ToEquatableArray();
    }

    /// <summary>
    /// Days on which one control gets no evidence at all (its evidence source was silent), while the day keeps its
    /// <see cref="PerDay"/> events and every other control its evidence: the events the control would have had are drawn
    /// among the other types instead. Ordered by date, then control, ordinal; each pair once.
    /// </summary>
    public EquatableArray<SilentDay> SilentDays
    {
        get => silentDays;
        init => silentDays = value.Distinct().OrderBy(d => d.Date).ThenBy(d => d.Control, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The last day of the run.</summary>
    public CalendarDate End => DateAt(Days - 1);

    /// <summary>How many events the run writes.</summary>
    public long EventCount => (long)(Days - GapDates.Count) * PerDay;

    /// <summary>The date <paramref name="dayIndex"/> days after <see cref="Start"/>.</summary>
    public CalendarDate DateAt(int dayIndex)
    {
        var date = new DateOnly(Start.Year, Start.Month, Start.Day).AddDays(dayIndex);
        return new CalendarDate(date.Year, date.Month, date.Day);
    }

    /// <summary>How many days <see cref="WithGapDays"/> can still pick from.</summary>
    public int GapDayCandidates(bool includeEdges = false) => Candidates(includeEdges).Count;

    /// <summary>
    /// These options with <paramref name="count"/> more gap days, picked from the seed among the days not yet gaps:
    /// never the first or last day (a window that starts or ends empty reads as the wrong window) unless <paramref name="includeEdges"/>.
    /// </summary>
    public SyntheticEventOptions WithGapDays(int count, bool includeEdges = false)
    {
        var candidates = Candidates(includeEdges);
        if (count < 0 || count > candidates.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"only {candidates.Count} of the {Days} days can become gap days{(includeEdges ? "" : " (the first and last day are kept)")}"));
        }

        var random = Xoshiro256StarStar.ForStream(Seed, stream: 0x6A9D415);
        for (int i = 0; i < count; i++)
        {
            int pick = i + random.NextInt(candidates.Count - i);
            (candidates[i], candidates[pick]) = (candidates[pick], candidates[i]);
        }

        return this with { GapDates = GapDates.Concat(candidates.Take(count)).ToEquatableArray() };
    }

    /// <summary>What is wrong with these options, as a sentence for a command line, or null when nothing is.</summary>
    public string? FindProblem()
    {
        if (string.IsNullOrEmpty(Account))
        {
            return "the account must not be empty";
        }

        if (WindowProblem() is { } window)
        {
            return window;
        }

        if (PerDay is < 1 or > MaxPerDay)
        {
            return string.Create(CultureInfo.InvariantCulture, $"events per day must be from 1 to {MaxPerDay}, not {PerDay}");
        }

        foreach (var gap in GapDates)
        {
            if (gap < Start || gap > End)
            {
                return "the gap date " + gap + " is outside the run, " + Start + " to " + End;
            }
        }

        foreach (var silent in SilentDays)
        {
            if (silent.Date < Start || silent.Date > End)
            {
                return "the silent day " + silent.Date + " of " + silent.Control + " is outside the run, " + Start + " to " + End;
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <see cref="FindProblem"/>'s sentence.</summary>
    public void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    private List<CalendarDate> Candidates(bool includeEdges)
    {
        if (WindowProblem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var existing = new HashSet<CalendarDate>(GapDates);
        var candidates = new List<CalendarDate>();
        for (int day = includeEdges ? 0 : 1; day <= (includeEdges ? Days - 1 : Days - 2); day++)
        {
            if (!existing.Contains(DateAt(day)))
            {
                candidates.Add(DateAt(day));
            }
        }

        return candidates;
    }

    private string? WindowProblem()
    {
        if (Days is < 1 or > MaxDays)
        {
            return string.Create(CultureInfo.InvariantCulture, $"days must be from 1 to {MaxDays}, not {Days}");
        }

        if (!CalendarDate.TryParse(Start.ToString(), out _))
        {
            return "the start " + Start + " is not a real calendar date";
        }

        if (new DateOnly(Start.Year, Start.Month, Start.Day).DayNumber + (long)Days - 1 > DateOnly.MaxValue.DayNumber)
        {
            return "the run must end by 9999-12-31";
        }

        return null;
    }
}

/// <summary>A day on which a control's evidence is silent (see <see cref="SyntheticEventOptions.SilentDays"/>).</summary>
public sealed record SilentDay(string Control, CalendarDate Date);
