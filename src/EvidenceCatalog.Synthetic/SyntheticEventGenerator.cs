using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Synthetic;

/// <summary>
/// Writes realistic, deterministic audit events for a catalog as JSON Lines (DESIGN.md, "Events"): the same model and
/// options give the same bytes. Every type the catalog declares occurs, with the outcomes it declares; every control with
/// evidence rules gets evidence on every day that is not a gap (when a day holds at least one event per control), except
/// on the days it is silent (<see cref="SyntheticEventOptions.SilentDays"/>); events are in time order within a day and
/// days follow each other.
/// </summary>
public sealed class SyntheticEventGenerator
{
    private const int BufferSize = 1 << 20;

    // The id, time and resource numbers, the time of day, the closing brace and newline, with room to spare.
    private const int VariablePartsBound = 128;

    private static readonly byte[] TwoDigits = TwoDigitTable();
    private static readonly byte[] TimeProperty = JsonBytes.Ascii("\",\"time\":\"");
    private static readonly byte[] LineEnd = JsonBytes.Ascii("}\n");

    private readonly EventMix mix;
    private readonly Dictionary<CalendarDate, SilentPlan> silences;
    private readonly ActorPopulation actors;
    private readonly byte[] idPrefix;
    private readonly byte[] accountProperty;
    private readonly int longestLine;

    public SyntheticEventGenerator(CatalogModel model, SyntheticEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (model.EventTypes.Count == 0)
        {
            throw new ArgumentException("The catalog declares no event types to generate.", nameof(model));
        }

        Options = options;
        mix = new EventMix(model, options);
        silences = PlanSilences(model, options, mix, out string? problem) ?? throw new ArgumentException(problem);
        actors = new ActorPopulation(options.Account, options.Seed);
        ulong idState = options.Seed;
        string runId = (Xoshiro256StarStar.SplitMix64(ref idState) >> 32).ToString("x8", CultureInfo.InvariantCulture);
        idPrefix = JsonBytes.Ascii("{\"id\":\"evt-" + runId + "-");
        accountProperty = JsonBytes.Property("account", options.Account);
        longestLine = idPrefix.Length + TimeProperty.Length + accountProperty.Length + mix.LongestFixedParts()
            + (2 * actors.LongestPiece()) + VariablePartsBound;
    }

    public SyntheticEventOptions Options { get; }

    /// <summary>
    /// Writes every event of the run to <paramref name="destination"/> as UTF-8 JSON Lines, without a byte order mark, and
    /// flushes it. Each call writes the same bytes.
    /// </summary>
    public SyntheticEventSummary Write(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var run = new RunState(Options.PerDay, mix.PairCount, Math.Max(BufferSize, 4 * longestLine));
        var gaps = new HashSet<CalendarDate>(Options.GapDates);
        long sequence = 0;
        long bytes = 0;
        for (int day = 0; day < Options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var date = Options.DateAt(day);
            if (gaps.Contains(date))
            {
                continue;
            }

            var random = Xoshiro256StarStar.ForStream(Options.Seed, stream: (1UL << 40) + (ulong)day);
            PlanDay(run, DayNumber(date), silences.GetValueOrDefault(date), ref random);
            DayTimeline.Fill(run.Times, ref random);
            byte[] datePrefix = JsonBytes.Ascii(date + "T");
            bytes += WriteDay(run, datePrefix, ref sequence, ref random, destination);
        }

        destination.Flush();
        return new SyntheticEventSummary(sequence, bytes, Options.Days, Options.PerDay, Options.GapDates);
    }

    private static int DayNumber(CalendarDate date) => new DateOnly(date.Year, date.Month, date.Day).DayNumber;

    /// <summary>
    /// What is wrong with <paramref name="options"/> for <paramref name="model"/>, as a sentence for a command line, or null:
    /// <see cref="SyntheticEventOptions.FindProblem"/>, then a silent day naming a control the catalog does not declare,
    /// one that no declared event type is evidence for, or silencing that leaves a day no traffic to write.
    /// </summary>
    public static string? FindProblem(CatalogModel model, SyntheticEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindProblem() is { } problem)
        {
            return problem;
        }

        if (model.EventTypes.Count == 0)
        {
            return "the catalog declares no event types to generate";
        }

        return PlanSilences(model, options, new EventMix(model, options), out string? silenceProblem) is null ? silenceProblem : null;
    }

    /// <summary>
    /// The silent days of the options, each as the pairs that may not occur and the traffic drawn without them; null, with
    /// the <paramref name="problem"/>, when one cannot be planned.
    /// </summary>
    private static Dictionary<CalendarDate, SilentPlan>? PlanSilences(CatalogModel model, SyntheticEventOptions options, EventMix mix, out string? problem)
    {
        problem = null;
        var plans = new Dictionary<CalendarDate, SilentPlan>();
        foreach (var day in options.SilentDays.GroupBy(s => s.Date))
        {
            var silenced = new bool[mix.PairCount];
            foreach (var silent in day)
            {
                if (!model.Controls.Any(c => string.Equals(c.Id, silent.Control, StringComparison.Ordinal)))
                {
                    problem = $"the silent day {silent.Date} names the control '{silent.Control}', which the catalog does not declare";
                    return null;
                }

                if (mix.FloorOf(silent.Control) is not { } floor)
                {
                    problem = $"the control '{silent.Control}' has no evidence rule on a declared event type, so it has no evidence to silence on {silent.Date}";
                    return null;
                }

                foreach (int pair in floor.Pairs)
                {
                    silenced[pair] = true;
                }
            }

            if (mix.TrafficWithout(silenced) is not { } traffic)
            {
                problem = $"silencing {string.Join(", ", day.Select(s => s.Control))} on {day.Key} leaves no event type of the day's traffic to write";
                return null;
            }

            plans[day.Key] = new SilentPlan(silenced, traffic);
        }

        return plans;
    }

    /// <summary>
    /// Decides the (type, outcome) of each of the day's events: traffic first, then scheduled events, then the floors.
    /// On a silent day, no pair of a silenced control is drawn, scheduled or placed.
    /// </summary>
    private void PlanDay(RunState run, int dayNumber, SilentPlan? silence, ref Xoshiro256StarStar random)
    {
        Array.Clear(run.PairCounts);
        Array.Clear(run.Placed);
        var traffic = mix.Traffic!;
        var kinds = run.Kinds;
        for (int i = 0; i < kinds.Length; i++)
        {
            int pair;
            if (silence is null)
            {
                var type = mix.Types[traffic.Sample(ref random)];
                pair = type.FirstPair + type.Outcomes.Sample(ref random);
            }
            else
            {
                pair = silence.Traffic.Sample(ref random);
            }

            kinds[i] = pair;
            run.PairCounts[pair]++;
        }

        foreach (var scheduled in mix.Scheduled)
        {
            var type = mix.Types[scheduled.Type];
            for (int n = scheduled.CountOn(dayNumber, ref random); n > 0; n--)
            {
                int pair = type.FirstPair + type.Outcomes.Sample(ref random);
                if (silence?.Silenced[pair] != true)
                {
                    Place(run, pair, ref random);
                }
            }
        }

        foreach (var floor in mix.Floors)
        {
            if (!Covered(run, floor) && FloorPair(floor, silence, ref random) is int pair)
            {
                Place(run, pair, ref random);
            }
        }
    }

    /// <summary>The pair to give a control that has no evidence yet: drawn by frequency, or the first not silenced; null when all are.</summary>
    private static int? FloorPair(EvidenceFloor floor, SilentPlan? silence, ref Xoshiro256StarStar random)
    {
        int pair = floor.NextPair(ref random);
        if (silence is null || !silence.Silenced[pair])
        {
            return pair;
        }

        foreach (int other in floor.Pairs)
        {
            if (!silence.Silenced[other])
            {
                return other;
            }
        }

        return null;
    }

    private static bool Covered(RunState run, EvidenceFloor floor)
    {
        foreach (int pair in floor.Pairs)
        {
            if (run.PairCounts[pair] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Turns one traffic event into <paramref name="pair"/>, keeping the day's size. Never one already placed, nor the last of
    /// its pair (that could take a control's only evidence); false when the day is too small to hold it.
    /// </summary>
    private static bool Place(RunState run, int pair, ref Xoshiro256StarStar random)
    {
        int slot = -1;
        for (int attempt = 0; attempt < 32 && slot < 0; attempt++)
        {
            int candidate = random.NextInt(run.Kinds.Length);
            if (!run.Placed[candidate] && run.PairCounts[run.Kinds[candidate]] > 1)
            {
                slot = candidate;
            }
        }

        for (int candidate = 0; candidate < run.Kinds.Length && slot < 0; candidate++)
        {
            if (!run.Placed[candidate] && run.PairCounts[run.Kinds[candidate]] > 1)
            {
                slot = candidate;
            }
        }

        if (slot < 0)
        {
            return false;
        }

        run.PairCounts[run.Kinds[slot]]--;
        run.Kinds[slot] = pair;
        run.PairCounts[pair]++;
        run.Placed[slot] = true;
        return true;
    }

    private long WriteDay(RunState run, byte[] datePrefix, ref long sequence, ref Xoshiro256StarStar random, Stream destination)
    {
        byte[] buffer = run.Buffer;
        int position = 0;
        long written = 0;
        for (int i = 0; i < run.Kinds.Length; i++)
        {
            if (buffer.Length - position < longestLine)
            {
                destination.Write(buffer, 0, position);
                written += position;
                position = 0;
            }

            position = WriteEvent(buffer.AsSpan(), position, run.Kinds[i], run.Times[i], sequence++, datePrefix, ref random);
        }

        destination.Write(buffer, 0, position);
        return written + position;
    }

    private int WriteEvent(Span<byte> buffer, int position, int pair, int time, long sequence, byte[] datePrefix, ref Xoshiro256StarStar random)
    {
        var type = mix.Types[mix.PairType[pair]];
        position = Put(buffer, position, idPrefix);
        Utf8Formatter.TryFormat(sequence, buffer[position..], out int digits);
        position += digits;
        position = Put(buffer, position, TimeProperty);
        position = Put(buffer, position, datePrefix);
        position = PutTimeOfDay(buffer, position, time);
        position = Put(buffer, position, mix.PairHeader[pair]);

        int user = -1;
        if (random.NextUInt64() < type.UserThreshold)
        {
            user = actors.NextUser(ref random);
            position = Put(buffer, position, actors.UserActor(user));
        }
        else
        {
            position = Put(buffer, position, actors.ServiceActor(type.Services[random.NextInt(type.Services.Length)]));
        }

        position = Put(buffer, position, accountProperty);
        if (type.Resources.Length > 0)
        {
            position = Put(buffer, position, type.Resources[random.NextInt(type.Resources.Length)]);
            if (type.ResourceRange > 0)
            {
                Utf8Formatter.TryFormat(random.NextInt(type.ResourceRange), buffer[position..], out digits);
                position += digits;
                buffer[position++] = (byte)'"';
            }
        }

        if (type.Traits.Ip == IpSource.Hostile)
        {
            position = Put(buffer, position, actors.HostileAddress(ref random));
        }
        else if (user >= 0 && type.Traits.Ip == IpSource.Actor)
        {
            position = Put(buffer, position, actors.UserAddress(user, ref random));
        }

        byte[][] attributes = mix.PairAttributes[pair];
        if (attributes.Length > 0)
        {
            position = Put(buffer, position, attributes[random.NextInt(attributes.Length)]);
        }

        return Put(buffer, position, LineEnd);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(Span<byte> buffer, int position, byte[] bytes)
    {
        bytes.CopyTo(buffer[position..]);
        return position + bytes.Length;
    }

    /// <summary><c>HH:mm:ss.fff</c>; the <c>Z</c> that follows starts every pair header.</summary>
    private static int PutTimeOfDay(Span<byte> buffer, int position, int time)
    {
        int hours = time / 3_600_000;
        int minutes = time / 60_000 % 60;
        int seconds = time / 1000 % 60;
        int milliseconds = time % 1000;
        PutTwo(buffer, position, hours);
        buffer[position + 2] = (byte)':';
        PutTwo(buffer, position + 3, minutes);
        buffer[position + 5] = (byte)':';
        PutTwo(buffer, position + 6, seconds);
        buffer[position + 8] = (byte)'.';
        buffer[position + 9] = (byte)('0' + (milliseconds / 100));
        PutTwo(buffer, position + 10, milliseconds % 100);
        return position + 12;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PutTwo(Span<byte> buffer, int position, int value)
    {
        buffer[position] = TwoDigits[2 * value];
        buffer[position + 1] = TwoDigits[(2 * value) + 1];
    }

    private static byte[] TwoDigitTable()
    {
        var table = new byte[200];
        for (int i = 0; i < 100; i++)
        {
            table[2 * i] = (byte)('0' + (i / 10));
            table[(2 * i) + 1] = (byte)('0' + (i % 10));
        }

        return table;
    }

    /// <summary>A silent day: the pairs that may not occur, and the traffic drawn among the others.</summary>
    private sealed record SilentPlan(bool[] Silenced, AliasTable Traffic);

    /// <summary>The working arrays of one run, reused day after day so that a day allocates nothing in proportion to its events.</summary>
    private sealed class RunState(int perDay, int pairCount, int bufferSize)
    {
        public int[] Kinds { get; } = new int[perDay];

        public bool[] Placed { get; } = new bool[perDay];

        public int[] Times { get; } = new int[perDay];

        public int[] PairCounts { get; } = new int[pairCount];

        public byte[] Buffer { get; } = new byte[bufferSize];
    }
}
