using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace EvidenceCatalog.Synthetic;

/// <summary>
/// Draws an index with probability proportional to its weight in constant time (Walker's alias method, Vose's construction),
/// from one 64-bit random value. Built with + - * / only, so the table is the same on every platform.
/// </summary>
internal sealed class AliasTable
{
    private const double TwoTo64 = 18446744073709551616.0;

    private readonly ulong[] keep;
    private readonly int[] alias;

    public AliasTable(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int n = weights.Count;
        if (n == 0)
        {
            throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        }

        double total = 0;
        foreach (double weight in weights)
        {
            if (!(weight >= 0) || double.IsPositiveInfinity(weight))
            {
                throw new ArgumentException("Weights must be finite and not negative.", nameof(weights));
            }

            total += weight;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        keep = new ulong[n];
        alias = new int[n];
        while (small.Count > 0 && large.Count > 0)
        {
            int less = small.Pop();
            int more = large.Pop();
            keep[less] = Threshold(scaled[less]);
            alias[less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1.0;
            (scaled[more] < 1.0 ? small : large).Push(more);
        }

        // What is left is 1 up to rounding: always kept.
        foreach (int i in large)
        {
            keep[i] = ulong.MaxValue;
            alias[i] = i;
        }

        foreach (int i in small)
        {
            keep[i] = ulong.MaxValue;
            alias[i] = i;
        }
    }

    public int Count => keep.Length;

    /// <summary>The column comes from the high half of random × n, the coin from the low half, so one draw does both.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(ref Xoshiro256StarStar random)
    {
        ulong column = Math.BigMul(random.NextUInt64(), (ulong)keep.Length, out ulong coin);
        int i = (int)column;
        return coin < keep[i] ? i : alias[i];
    }

    private static ulong Threshold(double probability) =>
        probability >= 1.0 ? ulong.MaxValue : probability <= 0.0 ? 0UL : (ulong)(probability * TwoTo64);
}
