using EvidenceCatalog.Runtime.Events;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Events;

/// <summary>The de-duplication set keeps every hash through shard growth and answers repeats with false.</summary>
public sealed class EventIdSetTests
{
    [Fact]
    public void Every_hash_is_kept_through_growth_and_a_repeat_is_refused()
    {
        var set = new EventIdSet();
        ulong state = 0x9E3779B97F4A7C15;
        var hashes = new ulong[300_000];
        for (int i = 0; i < hashes.Length; i++)
        {
            state = (state ^ (state >> 31)) * 0xBF58476D1CE4E5B9 + (ulong)i;
            hashes[i] = state;
            set.Prefetch(state);
            Assert.True(set.Add(state));
        }

        Assert.Equal(hashes.Length, set.Count);
        foreach (ulong hash in hashes)
        {
            Assert.False(set.Add(hash));
        }

        Assert.True(set.Add(0));
        Assert.False(set.Add(1) && set.Add(0));
    }
}
