using System;
using System.Text;

namespace EvidenceCatalog.Runtime.Mapping;

/// <summary>Finds the index of a UTF-8 name among a fixed set without decoding it to a string (the events hot path).</summary>
internal sealed class Utf8Lookup
{
    private readonly byte[][] names;
    private readonly int[][] buckets;

    public Utf8Lookup(string[] names)
    {
        this.names = Array.ConvertAll(names, n => Encoding.UTF8.GetBytes(n));
        int size = 1;
        while (size < names.Length * 2)
        {
            size <<= 1;
        }

        var lists = new System.Collections.Generic.List<int>[size];
        for (int i = 0; i < this.names.Length; i++)
        {
            int bucket = Hash(this.names[i]) & (size - 1);
            (lists[bucket] ??= new()).Add(i);
        }

        buckets = Array.ConvertAll(lists, l => l?.ToArray() ?? Array.Empty<int>());
    }

    /// <summary>The index of <paramref name="name"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        foreach (int i in buckets[Hash(name) & (buckets.Length - 1)])
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        // Names are short and few; length plus a few bytes spreads them well enough.
        int hash = name.Length * 31;
        if (name.Length > 0)
        {
            hash = (hash ^ name[0]) * 31;
            hash = (hash ^ name[name.Length - 1]) * 31;
            hash = (hash ^ name[name.Length / 2]) * 31;
        }

        return hash & int.MaxValue;
    }
}
