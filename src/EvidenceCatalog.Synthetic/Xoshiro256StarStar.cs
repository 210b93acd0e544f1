using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace EvidenceCatalog.Synthetic;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna), seeded through SplitMix64. Its output is fixed by the seed alone,
/// on every runtime and platform, which <see cref="Random"/> does not promise.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public Xoshiro256StarStar(ulong seed)
    {
        ulong state = seed;
        s0 = SplitMix64(ref state);
        s1 = SplitMix64(ref state);
        s2 = SplitMix64(ref state);
        s3 = SplitMix64(ref state);
    }

    /// <summary>A generator for one named stream of a seed (a day, the actor population), independent of every other stream.</summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream)
    {
        ulong state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        return new Xoshiro256StarStar(SplitMix64(ref state));
    }

    /// <summary>One step of SplitMix64: advances <paramref name="state"/> and returns a well-mixed 64-bit value.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A value in [0, <paramref name="bound"/>) by Lemire's multiply-shift (bias below 2^-32 for the bounds used here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int bound) => (int)Math.BigMul(NextUInt64(), (ulong)(uint)bound, out _);

    /// <summary>A value in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
