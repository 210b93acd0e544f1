using System;

namespace EvidenceCatalog.Synthetic;

/// <summary>
/// Times of day (milliseconds since midnight UTC) for a day's events, in ascending order: quiet at night, a European
/// morning, and a bulge through the US working day (13:00–22:00 UTC).
/// </summary>
internal static class DayTimeline
{
    public const int MillisecondsPerDay = 86_400_000;

    private const int MillisecondsPerHour = 3_600_000;

    /// <summary>Relative activity of each UTC hour.</summary>
    private static readonly int[] HourlyActivity = [3, 2, 2, 2, 2, 2, 3, 5, 7, 8, 8, 8, 9, 12, 14, 15, 15, 14, 13, 12, 10, 8, 6, 4];

    /// <summary>For a uniform draw in [0, 2^32): the hour it falls in is the first whose upper bound exceeds it.</summary>
    private static readonly ulong[] HourUpperBounds = UpperBounds();

    /// <summary>Fills <paramref name="times"/> with ascending times of day drawn from the hourly profile.</summary>
    public static void Fill(Span<int> times, ref Xoshiro256StarStar random)
    {
        for (int i = 0; i < times.Length; i++)
        {
            ulong draw = random.NextUInt64();
            ulong coarse = draw >> 32;
            int hour = 0;
            while (coarse >= HourUpperBounds[hour])
            {
                hour++;
            }

            // Uniform within the hour; the low half of the draw is independent of the high half that chose the hour.
            int offset = (int)(((draw & 0xFFFF_FFFFUL) * MillisecondsPerHour) >> 32);
            times[i] = (hour * MillisecondsPerHour) + offset;
        }

        // Integers sort the same everywhere, so the order is part of the determinism.
        times.Sort();
    }

    private static ulong[] UpperBounds()
    {
        int total = 0;
        foreach (int weight in HourlyActivity)
        {
            total += weight;
        }

        var bounds = new ulong[HourlyActivity.Length];
        ulong cumulative = 0;
        for (int hour = 0; hour < HourlyActivity.Length; hour++)
        {
            cumulative += (ulong)HourlyActivity[hour];
            bounds[hour] = (cumulative << 32) / (ulong)total;
        }

        bounds[^1] = 1UL << 32;
        return bounds;
    }
}
