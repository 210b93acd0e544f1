using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Synthetic;

/// <summary>One event type of the catalog, ready to emit: its traits, its outcome draw and its pre-encoded resources.</summary>
internal sealed class TypePlan
{
    public required string Id { get; init; }

    public required EventTraits Traits { get; init; }

    /// <summary>The type's first (type, outcome) pair; its outcomes follow in catalog order.</summary>
    public required int FirstPair { get; init; }

    /// <summary>Draws an outcome index; a type without outcomes has one pair, with no outcome.</summary>
    public required AliasTable Outcomes { get; init; }

    /// <summary>A draw below this is a user; at or above, a service.</summary>
    public required ulong UserThreshold { get; init; }

    /// <summary>Indexes into <see cref="ActorPopulation.ServiceNames"/>.</summary>
    public required int[] Services { get; init; }

    /// <summary><c>,"resource":"prefix</c>; closed by the generator after the number when <see cref="ResourceRange"/> is positive.</summary>
    public required byte[][] Resources { get; init; }

    public required int ResourceRange { get; init; }
}

/// <summary>
/// A control's daily evidence: the pairs that are evidence for it, and a draw among them by how often each happens,
/// for the event to add when none occurred.
/// </summary>
internal sealed record EvidenceFloor(string ControlId, int[] Pairs, AliasTable Choice)
{
    public int NextPair(ref Xoshiro256StarStar random) => Pairs[Choice.Sample(ref random)];
}

/// <summary>A type that happens a number of times a day whatever the traffic, or once every so many days.</summary>
internal sealed record ScheduledType(int Type, int Whole, double Fraction, int PeriodDays, int Phase)
{
    /// <summary>How many events of the type happen on the day numbered <paramref name="dayNumber"/> (days since 0001-01-01).</summary>
    public int CountOn(int dayNumber, ref Xoshiro256StarStar random)
    {
        if (PeriodDays > 0)
        {
            return (dayNumber + Phase) % PeriodDays == 0 ? 1 : 0;
        }

        return Whole + (Fraction > 0 && random.NextDouble() < Fraction ? 1 : 0);
    }
}

/// <summary>
/// What the catalog's event types become in a synthetic run: every declared (type, outcome) pair encoded once, the draw
/// of a type by its share of traffic, the scheduled types, and for each control the evidence it must get every day.
/// </summary>
internal sealed class EventMix
{
    public EventMix(CatalogModel model, SyntheticEventOptions options)
    {
        var types = new List<TypePlan>();
        var pairType = new List<int>();
        var pairHeader = new List<byte[]>();
        var pairAttributes = new List<byte[][]>();
        var pairDailyRate = new List<double>();
        var pairTraffic = new List<double>();
        double totalShare = model.EventTypes.Sum(t => EventTraits.For(t.Id).Share);
        bool anyShare = totalShare > 0;
        if (!anyShare)
        {
            // A catalog of scheduled types only still fills its days: every type shares the traffic equally.
            totalShare = model.EventTypes.Count;
        }

        var pairsByType = new Dictionary<string, (int First, EventType Type)>(StringComparer.Ordinal);
        foreach (var eventType in model.EventTypes)
        {
            if (pairsByType.ContainsKey(eventType.Id))
            {
                continue;
            }

            var traits = EventTraits.For(eventType.Id);
            string?[] outcomes = eventType.Outcomes.Count == 0 ? [null] : [.. eventType.Outcomes];
            double[] outcomeWeights = [.. outcomes.Select(o => OutcomeWeight(traits, o, outcomes.Length))];
            double weightSum = outcomeWeights.Sum();
            double typeShare = anyShare ? traits.Share : 1;
            double typeDaily = (typeShare / totalShare * options.PerDay) + traits.PerDay;

            pairsByType.Add(eventType.Id, (pairType.Count, eventType));
            int typeIndex = types.Count;
            for (int o = 0; o < outcomes.Length; o++)
            {
                pairType.Add(typeIndex);
                pairHeader.Add(Header(eventType.Id, outcomes[o]));
                pairAttributes.Add(Attributes(traits, outcomes[o]));
                pairDailyRate.Add(typeDaily * outcomeWeights[o] / weightSum);
                pairTraffic.Add(typeShare * outcomeWeights[o] / weightSum);
            }

            types.Add(new TypePlan
            {
                Id = eventType.Id,
                Traits = traits,
                FirstPair = pairsByType[eventType.Id].First,
                Outcomes = new AliasTable(outcomeWeights),
                UserThreshold = traits.UserShare >= 1 ? ulong.MaxValue : (ulong)(traits.UserShare * 18446744073709551616.0),
                Services = traits.Services.Length == 0
                    ? [.. Enumerable.Range(0, ActorPopulation.ServiceNames.Length)]
                    : Array.ConvertAll(traits.Services, ActorPopulation.ServiceIndex),
                Resources = Resources(traits, model),
                ResourceRange = traits.Resource == ResourceSource.Listed ? traits.ResourceRange : 0,
            });
        }

        Types = [.. types];
        PairType = [.. pairType];
        PairTraffic = [.. pairTraffic];
        PairHeader = [.. pairHeader];
        PairAttributes = [.. pairAttributes];
        if (Types.Length > 0)
        {
            Traffic = new AliasTable([.. Types.Select(t => anyShare ? t.Traits.Share : 1)]);
        }

        Scheduled = [.. Types.Select((t, i) => Schedule(i, t, options.Seed)).OfType<ScheduledType>()];
        Floors = [.. model.Controls.Select(c => Floor(c, pairsByType, pairDailyRate)).OfType<EvidenceFloor>()];
    }

    public TypePlan[] Types { get; }

    /// <summary>For each pair, its type's index in <see cref="Types"/>.</summary>
    public int[] PairType { get; }

    /// <summary>For each pair: <c>Z","type":"…","outcome":"…"</c>, the end of the time included.</summary>
    public byte[][] PairHeader { get; }

    /// <summary>For each pair, the <c>,"attributes":{…}</c> variants it may carry (none when empty).</summary>
    public byte[][][] PairAttributes { get; }

    /// <summary>Draws a type by its share of traffic; null when the catalog declares no event type.</summary>
    public AliasTable? Traffic { get; }

    public ScheduledType[] Scheduled { get; }

    public EvidenceFloor[] Floors { get; }

    public int PairCount => PairType.Length;

    /// <summary>For each pair, its share of the day's traffic (its type's share times its outcome's weight); 0 for scheduled types.</summary>
    public double[] PairTraffic { get; }

    /// <summary>The control's floor (the pairs that are evidence for it), or null when no declared type is evidence for it.</summary>
    public EvidenceFloor? FloorOf(string controlId) => Array.Find(Floors, f => string.Equals(f.ControlId, controlId, StringComparison.Ordinal));

    /// <summary>
    /// A draw of a traffic pair among those not <paramref name="silenced"/>, in proportion to their shares; null when every
    /// pair with a share is silenced.
    /// </summary>
    public AliasTable? TrafficWithout(bool[] silenced)
    {
        var weights = PairTraffic.Select((w, pair) => silenced[pair] ? 0 : w).ToArray();
        return weights.Any(w => w > 0) ? new AliasTable(weights) : null;
    }

    /// <summary>The longest pre-encoded piece of each kind summed: no line is longer than this plus the variable parts.</summary>
    public int LongestFixedParts() =>
        PairHeader.Max(h => h.Length)
        + PairAttributes.Max(a => a.Length == 0 ? 0 : a.Max(x => x.Length))
        + Types.Max(t => t.Resources.Length == 0 ? 0 : t.Resources.Max(r => r.Length));

    private static double OutcomeWeight(EventTraits traits, string? outcome, int outcomeCount)
    {
        if (outcome is null)
        {
            return 1;
        }

        foreach (var (name, weight) in traits.Outcomes)
        {
            if (string.Equals(name, outcome, StringComparison.Ordinal))
            {
                return weight;
            }
        }

        // An outcome the table does not know: rare beside known ones, even among unknown ones.
        return traits.Outcomes.Length > 0 ? 1 : 100.0 / outcomeCount;
    }

    private static byte[] Header(string type, string? outcome)
    {
        byte[] typeProperty = JsonBytes.Property("type", type);
        byte[] outcomeProperty = outcome is null ? [] : JsonBytes.Property("outcome", outcome);
        return [(byte)'Z', (byte)'"', .. typeProperty, .. outcomeProperty];
    }

    private static byte[][] Attributes(EventTraits traits, string? outcome)
    {
        var variants = new List<byte[]>();
        foreach (string entry in traits.Attributes)
        {
            int bar = entry.IndexOf('|', StringComparison.Ordinal);
            bool forOutcome = bar > 0 && entry[0] != '{';
            if (!forOutcome || string.Equals(entry[..bar], outcome, StringComparison.Ordinal))
            {
                variants.Add(JsonBytes.Ascii(",\"attributes\":" + (forOutcome ? entry[(bar + 1)..] : entry)));
            }
        }

        return [.. variants];
    }

    private static byte[][] Resources(EventTraits traits, CatalogModel model)
    {
        IEnumerable<string> complete = traits.Resource switch
        {
            ResourceSource.CatalogVendor => model.Vendors.Select(v => "vendor:" + v.Id),
            ResourceSource.CatalogRole => model.Roles.Select(r => "role:" + r.Id),
            _ => [],
        };

        if (traits.Resource == ResourceSource.Listed)
        {
            return traits.ResourceRange > 0
                ? [.. traits.Resources.Select(r => JsonBytes.Concat(",\"resource\":\"", JsonBytes.Escaped(r), string.Empty))]
                : [.. traits.Resources.Select(r => JsonBytes.Property("resource", r))];
        }

        return [.. complete.Select(r => JsonBytes.Property("resource", r))];
    }

    private static ScheduledType? Schedule(int index, TypePlan type, ulong seed)
    {
        double perDay = type.Traits.PerDay;
        if (perDay <= 0)
        {
            return null;
        }

        if (perDay >= 1)
        {
            return new ScheduledType(index, (int)perDay, perDay - (int)perDay, PeriodDays: 0, Phase: 0);
        }

        // Rarer than daily: a fixed cadence (a weekly rotation, a quarterly restore test) at a phase the seed picks.
        int period = Math.Max(1, (int)Math.Round(1 / perDay, MidpointRounding.AwayFromZero));
        var random = Xoshiro256StarStar.ForStream(seed, stream: 0x5C4ED00UL + (ulong)index);
        return new ScheduledType(index, 0, 0, period, random.NextInt(period));
    }

    private static EvidenceFloor? Floor(
        Control control, Dictionary<string, (int First, EventType Type)> pairsByType, List<double> pairDailyRate)
    {
        var pairs = new List<int>();
        foreach (var rule in control.Evidence)
        {
            if (!pairsByType.TryGetValue(rule.EventType, out var found))
            {
                continue;
            }

            var outcomes = found.Type.Outcomes;
            if (outcomes.Count == 0)
            {
                pairs.Add(found.First);
                continue;
            }

            for (int o = 0; o < outcomes.Count; o++)
            {
                if (rule.Outcomes.Count == 0 || rule.Outcomes.Contains(outcomes[o]))
                {
                    pairs.Add(found.First + o);
                }
            }
        }

        if (pairs.Count == 0)
        {
            return null;
        }

        int[] distinct = [.. pairs.Distinct()];
        double[] rates = [.. distinct.Select(p => pairDailyRate[p])];
        return new EvidenceFloor(control.Id, distinct, new AliasTable(rates.Sum() > 0 ? rates : [.. rates.Select(_ => 1.0)]));
    }
}
