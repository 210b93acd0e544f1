using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// The (account, id) pairs seen so far, as 64-bit XXH3 hashes in 4096 open-addressing shards that grow one at a time
/// and stay below the large-object heap (so growing never holds two copies of the set, and outgrown shards are
/// collected like any young garbage): 8–16 bytes per distinct event, the one part of a streaming
/// report that grows with the number of events. Two different ids share a hash with probability about n²/2⁶⁵
/// (3·10⁻⁶ at ten million events).
/// </summary>
internal sealed class EventIdSet
{
    private const int ShardBits = 12;

    private readonly ulong[][] shards = new ulong[1 << ShardBits][];
    private readonly int[] counts = new int[1 << ShardBits];

    public EventIdSet()
    {
        for (int i = 0; i < shards.Length; i++)
        {
            shards[i] = new ulong[16];
        }
    }

    public long Count { get; private set; }

    /// <summary>
    /// Starts loading the slot a hash will probe, so that the cache miss of a large set overlaps the parsing of the
    /// record instead of stalling <see cref="Add"/>.
    /// </summary>
    public unsafe void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
        {
            var shard = shards[Shard(hash)];
            Sse.Prefetch0(Unsafe.AsPointer(ref shard[Slot(hash, shard.Length)]));
        }
    }

    /// <summary>Adds the hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        // 0 marks an empty slot.
        hash = hash == 0 ? 1 : hash;
        int s = Shard(hash);
        var shard = shards[s];
        if (counts[s] >= shard.Length - (shard.Length >> 2))
        {
            shard = shards[s] = Grow(shard);
        }

        if (!Insert(shard, hash))
        {
            return false;
        }

        counts[s]++;
        Count++;
        return true;
    }

    /// <summary>Removes the hash (backward-shift deletion, so no probe sequence is broken); false when it was not there.</summary>
    public bool Remove(ulong hash)
    {
        hash = hash == 0 ? 1 : hash;
        int s = Shard(hash);
        var table = shards[s];
        int mask = table.Length - 1;
        int i = Slot(hash, table.Length);
        while (table[i] != hash)
        {
            if (table[i] == 0)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        table[i] = 0;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask)
        {
            // The entry at j may move into the hole at i unless its home slot lies cyclically in (i, j].
            int home = Slot(table[j], table.Length);
            bool homeBetween = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!homeBetween)
            {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }

        counts[s]--;
        Count--;
        return true;
    }

    private static int Shard(ulong hash) => (int)(hash >> (64 - ShardBits));

    private static int Slot(ulong hash, int length) => (int)hash & (length - 1);

    private static bool Insert(ulong[] table, ulong hash)
    {
        int mask = table.Length - 1;
        int i = Slot(hash, table.Length);
        while (true)
        {
            ulong slot = table[i];
            if (slot == 0)
            {
                table[i] = hash;
                return true;
            }

            if (slot == hash)
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private static ulong[] Grow(ulong[] table)
    {
        var bigger = new ulong[table.Length * 2];
        foreach (ulong hash in table)
        {
            if (hash != 0)
            {
                Insert(bigger, hash);
            }
        }

        return bigger;
    }
}
