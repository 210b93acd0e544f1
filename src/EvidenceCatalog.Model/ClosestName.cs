using System;
using System.Collections.Generic;

namespace EvidenceCatalog.Model;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints (the compiler's and the runtime's alike).</summary>
public static class ClosestName
{
    /// <summary>The known name closest to <paramref name="value"/> by edit distance, or null when none is close enough to be a likely typo.</summary>
    public static string? Of(string value, IEnumerable<string> known)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (known is null)
        {
            throw new ArgumentNullException(nameof(known));
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = EditDistance(value, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Short names are too close to everything for a guess to help ('P9' is not a typo of 'P1').
        int allowed = value.Length <= 3 ? 0 : Math.Max(1, value.Length / 4);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
