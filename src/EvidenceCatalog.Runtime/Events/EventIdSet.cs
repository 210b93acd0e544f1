using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// The (account, id) pairs seen so far, as 64-bit XXH3 hashes in an open-addressing table: 8–16 bytes per distinct
/// event, the one part of a streaming report that grows with the number of events. Two different ids share a hash
/// with probability about n²/2⁶⁵ (3·10⁻⁶ at ten million events).
/// </summary>
internal sealed class EventIdSet
{
    private ulong[] slots = new ulong[1 << 16];
    private int count;

    public int Count => count;

    /// <summary>Adds the hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        // 0 marks an empty slot.
        hash = hash == 0 ? 1 : hash;
        if (count >= slots.Length - (slots.Length >> 2))
        {
            Grow();
        }

        return Insert(slots, hash) && ++count > 0;
    }

    private static bool Insert(ulong[] table, ulong hash)
    {
        int mask = table.Length - 1;
        int i = (int)(hash >> 32) & mask;
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

    private void Grow()
    {
        var bigger = new ulong[slots.Length * 2];
        foreach (ulong hash in slots)
        {
            if (hash != 0)
            {
                Insert(bigger, hash);
            }
        }

        slots = bigger;
    }
}
