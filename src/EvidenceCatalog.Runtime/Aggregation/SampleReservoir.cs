using System;
using System.Collections.Generic;
using System.Text;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Aggregation;

/// <summary>
/// The first <c>capacity</c> events of a control by (time, id in UTF-8 byte order): the same sample whatever order the
/// events arrive in, and the same from a file as from a store that orders by (time, id).
/// </summary>
internal sealed class SampleReservoir
{
    private readonly int capacity;
    private readonly List<(long Ticks, byte[] Id, AuditEvent Event)> items = new();

    public SampleReservoir(int capacity)
    {
        this.capacity = capacity;
    }

    public IEnumerable<AuditEvent> Events
    {
        get
        {
            foreach (var item in items)
            {
                yield return item.Event;
            }
        }
    }

    /// <summary>True when an event with this key would enter the sample.</summary>
    public bool Wants(long ticks, ReadOnlySpan<byte> id)
    {
        if (items.Count < capacity || capacity == 0)
        {
            return capacity > 0;
        }

        var last = items[^1];
        return ticks < last.Ticks || (ticks == last.Ticks && id.SequenceCompareTo(last.Id) < 0);
    }

    public void Add(AuditEvent auditEvent)
    {
        long ticks = auditEvent.Time.UtcTicks;
        byte[] id = Encoding.UTF8.GetBytes(auditEvent.Id);
        if (!Wants(ticks, id))
        {
            return;
        }

        int index = items.Count;
        while (index > 0 && (items[index - 1].Ticks > ticks || (items[index - 1].Ticks == ticks && items[index - 1].Id.AsSpan().SequenceCompareTo(id) > 0)))
        {
            index--;
        }

        items.Insert(index, (ticks, id, auditEvent));
        if (items.Count > capacity)
        {
            items.RemoveAt(items.Count - 1);
        }
    }
}
