using System;
using System.IO.Hashing;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// The de-duplication key of an event, (account, id) hashed with XXH3, and the set of keys seen so far. The account's
/// hash is kept from one record to the next, since inputs are mostly one account.
/// </summary>
internal sealed class DuplicateFilter
{
    private readonly EventIdSet seen = new();
    private byte[] lastAccount = [];
    private ulong lastAccountHash;

    /// <summary>Distinct keys seen.</summary>
    public long Count => seen.Count;

    public ulong Key(ReadOnlySpan<byte> account, ReadOnlySpan<byte> id)
    {
        if (!account.SequenceEqual(lastAccount))
        {
            lastAccount = account.ToArray();
            lastAccountHash = XxHash3.HashToUInt64(account);
        }

        return XxHash3.HashToUInt64(id, unchecked((long)lastAccountHash));
    }

    /// <inheritdoc cref="EventIdSet.Prefetch"/>
    public void Prefetch(ulong key) => seen.Prefetch(key);

    /// <summary>Adds the key; false when it was already there (the event is a duplicate).</summary>
    public bool Add(ulong key) => seen.Add(key);

    /// <summary>Forgets a key whose event a sink refused, so that a later copy is judged on its own.</summary>
    public void Remove(ulong key) => seen.Remove(key);
}
