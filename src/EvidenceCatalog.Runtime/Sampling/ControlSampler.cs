using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// One control's population as it streams past, in bounded memory: its size and digest (the sum of its element digests
/// modulo 2^128, which no order of arrival changes), and the candidates a sample can be drawn from — per stratum, the
/// <see cref="CandidatesPerDraw"/> × allotted events with the lowest element digests, and for the whole window the
/// <see cref="CandidatesPerDraw"/> × size lowest. The seed is known only once every event has passed; it then ranks the
/// candidates (<see cref="Draw"/>).
/// </summary>
internal sealed class ControlSampler
{
    /// <summary>Candidates kept per event to draw: the seed chooses among four times as many as it draws.</summary>
    public const int CandidatesPerDraw = 4;

    private readonly int windowDays;
    private readonly int[] allotted;
    private readonly CandidateList[] byStratum;
    private readonly long[] stratumPopulation;
    private readonly CandidateList fill;

    // The stratum of each window day (-1 for all when the sample has no strata), looked up for every event counted.
    private readonly int[] strataOfDays;
    private UInt128 digest;

    public ControlSampler(Control control, int windowDays)
        : this(control, SampleSizes.RuleFor(control?.Cadence ?? throw new ArgumentNullException(nameof(control))), windowDays)
    {
    }

    /// <summary>A sampler with its rule given (the rule of a cadence not yet declared, in tests).</summary>
    internal ControlSampler(Control control, SampleRule rule, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        Control = control;
        Rule = rule;
        this.windowDays = windowDays;
        int strata = Rule.StrataFor(windowDays);
        allotted = new int[strata];
        for (int s = 0; s < strata; s++)
        {
            allotted[s] = (Rule.LargestSize / strata) + (s < Rule.LargestSize % strata ? 1 : 0);
        }

        byStratum = Array.ConvertAll(allotted, a => new CandidateList(CandidatesPerDraw * a));
        strataOfDays = new int[windowDays];
        for (int day = 0; day < windowDays; day++)
        {
            strataOfDays[day] = StratumOf(day, strata, windowDays);
        }

        stratumPopulation = new long[strata];
        fill = new CandidateList(CandidatesPerDraw * Rule.LargestSize);
    }

    public Control Control { get; }

    public SampleRule Rule { get; }

    /// <summary>Events counted so far.</summary>
    public long Population { get; private set; }

    /// <summary>The sum of the element digests counted so far, modulo 2^128.</summary>
    public UInt128 Digest => digest;

    /// <summary>Candidates held now: never more than 2 × <see cref="CandidatesPerDraw"/> × the largest size, whatever the population.</summary>
    public int CandidatesHeld => fill.Items.Length + byStratum.Sum(s => s.Items.Length);

    /// <summary>
    /// The stratum of a window day (0 for the window's first day), or -1 for a sample without strata: stratum
    /// <c>s</c> of <c>S</c> holds the days <c>floor(s·D/S)</c> to <c>floor((s+1)·D/S) − 1</c> of a <c>D</c>-day window.
    /// </summary>
    public int StratumOf(int windowDay) => strataOfDays[windowDay];

    private static int StratumOf(int windowDay, int strata, int windowDays) =>
        strata == 0 ? -1 : (int)((((long)windowDay + 1) * strata - 1) / windowDays);

    /// <summary>The first window day of stratum <paramref name="stratum"/>.</summary>
    public int FirstDayOf(int stratum) => (int)((long)stratum * windowDays / allotted.Length);

    /// <summary>Counts an event of the population; true when it is a candidate (then <see cref="Add"/> it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Count(UInt128 element, int windowDay, ReadOnlySpan<byte> id)
    {
        unchecked
        {
            digest += element;
        }

        Population++;
        int stratum = StratumOf(windowDay);
        bool wanted = false;
        if (stratum >= 0)
        {
            stratumPopulation[stratum]++;
            wanted = byStratum[stratum].Wants(element, id);
        }

        return wanted || fill.Wants(element, id);
    }

    /// <summary>Keeps an event that <see cref="Count"/> said is a candidate.</summary>
    public void Add(UInt128 element, int windowDay, AuditEvent auditEvent)
    {
        var candidate = new Candidate(element, Encoding.UTF8.GetBytes(auditEvent.Id), auditEvent);
        int stratum = StratumOf(windowDay);
        if (stratum >= 0)
        {
            byStratum[stratum].Add(candidate);
        }

        fill.Add(candidate);
    }

    /// <summary>
    /// The sample: the seed derived from the population; from each stratum in turn, as many of its candidates as it is
    /// allotted, lowest rank first; then, while fewer than <c>min(size, population)</c> are drawn, the lowest-ranked of the
    /// <see cref="CandidatesPerDraw"/> × size events with the lowest element digests that are not drawn yet.
    /// </summary>
    public ControlSample Draw(string account, ReportWindow window)
    {
        string digestHex = PopulationElement.Hex(digest);
        byte[] seed = SampleSeed.Of(account, Control.Id, window.From.ToString(), window.To.ToString(), window.TimeZone.Id, Population, digestHex);
        int size = Rule.SizeFor(Population);
        long wanted = Math.Min(size, Population);
        var drawn = new List<(Candidate Candidate, int? Stratum)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var strata = new List<SampleStratum>(allotted.Length);
        for (int s = 0; s < allotted.Length; s++)
        {
            var picks = Ranked(byStratum[s].Items, seed).Take(allotted[s]).ToList();
            foreach (var pick in picks)
            {
                drawn.Add((pick, s + 1));
                taken.Add(pick.Event.Id);
            }

            int last = s + 1 < allotted.Length ? FirstDayOf(s + 1) - 1 : windowDays - 1;
            strata.Add(new SampleStratum(
                window.DateOf(window.WindowOffset + FirstDayOf(s)).ToString(),
                window.DateOf(window.WindowOffset + last).ToString(),
                stratumPopulation[s],
                allotted[s],
                picks.Count));
        }

        if (drawn.Count < wanted)
        {
            var pool = fill.Items.ToArray();
            Array.Sort(pool, Candidate.Order);
            var fillers = Ranked(pool.Take(CandidatesPerDraw * size).Where(c => !taken.Contains(c.Event.Id)).ToArray(), seed);
            drawn.AddRange(fillers.Take((int)(wanted - drawn.Count)).Select(c => (c, (int?)null)));
        }

        var events = drawn
            .OrderBy(d => d.Candidate.Event.Time.UtcTicks)
            .ThenBy(d => d.Candidate.Id, ByteOrder.Instance)
            .Select(d => Sampled(d.Candidate.Event, d.Stratum))
            .ToList();
        return new ControlSample(
            KebabCase.FromEnum(Rule.Basis),
            KebabCase.FromEnum(Control.Cadence),
            size,
            Population,
            digestHex,
            Convert.ToHexStringLower(seed),
            Rule.Basis == SampleBasis.Cadence ? strata : null,
            events);
    }

    private static SampledEvent Sampled(AuditEvent e, int? stratum) =>
        new(e.Id, EventJson.FormatTime(e.Time), e.Type, e.Outcome, e.Actor, e.Resource, e.Ip, stratum);

    /// <summary>The candidates by rank, lowest first (ties, which SHA-256 makes theoretical, by id bytes).</summary>
    private static IEnumerable<Candidate> Ranked(ReadOnlySpan<Candidate> candidates, byte[] seed)
    {
        var ranked = new (byte[] Rank, Candidate Candidate)[candidates.Length];
        for (int i = 0; i < candidates.Length; i++)
        {
            ranked[i] = (SampleSeed.Rank(seed, candidates[i].Event.Id), candidates[i]);
        }

        return ranked
            .OrderBy(r => r.Rank, ByteOrder.Instance)
            .ThenBy(r => r.Candidate.Id, ByteOrder.Instance)
            .Select(r => r.Candidate);
    }

    /// <summary>Byte arrays in lexicographic order (unsigned bytes).</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
