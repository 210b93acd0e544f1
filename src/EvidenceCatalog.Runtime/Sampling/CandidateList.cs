using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// The <c>capacity</c> events with the lowest element digests (ties by id, as UTF-8 bytes) of all those offered: a
/// bounded max-heap, so memory stays at its capacity however many events pass.
/// </summary>
internal sealed class CandidateList
{
    private readonly Candidate[] heap;
    private int count;

    public CandidateList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        heap = new Candidate[capacity];
    }

    public int Capacity => heap.Length;

    /// <summary>The candidates kept, in no particular order.</summary>
    public ReadOnlySpan<Candidate> Items => heap.AsSpan(0, count);

    /// <summary>True when an event with this digest and id would be kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Wants(UInt128 element, ReadOnlySpan<byte> id) =>
        heap.Length > 0 && (count < heap.Length || Candidate.Compare(element, id, heap[0]) < 0);

    /// <summary>Keeps the candidate when it is among the lowest so far.</summary>
    public void Add(Candidate candidate)
    {
        if (!Wants(candidate.Element, candidate.Id))
        {
            return;
        }

        if (count < heap.Length)
        {
            heap[count] = candidate;
            SiftUp(count++);
        }
        else
        {
            heap[0] = candidate;
            SiftDown(0);
        }
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (Candidate.Compare(heap[index], heap[parent]) <= 0)
            {
                return;
            }

            (heap[index], heap[parent]) = (heap[parent], heap[index]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            int largest = index;
            int left = (2 * index) + 1;
            if (left < count && Candidate.Compare(heap[left], heap[largest]) > 0)
            {
                largest = left;
            }

            if (left + 1 < count && Candidate.Compare(heap[left + 1], heap[largest]) > 0)
            {
                largest = left + 1;
            }

            if (largest == index)
            {
                return;
            }

            (heap[index], heap[largest]) = (heap[largest], heap[index]);
            index = largest;
        }
    }
}

/// <summary>An event kept as a sampling candidate: its element digest, its id's UTF-8 bytes, the event.</summary>
internal readonly record struct Candidate(UInt128 Element, byte[] Id, AuditEvent Event)
{
    /// <summary>By element digest, then id bytes: the order candidates are kept in.</summary>
    public static int Compare(in Candidate a, in Candidate b) => Compare(a.Element, a.Id, b);

    public static int Compare(UInt128 element, ReadOnlySpan<byte> id, in Candidate other)
    {
        int byElement = element.CompareTo(other.Element);
        return byElement != 0 ? byElement : id.SequenceCompareTo(other.Id);
    }

    public static readonly IComparer<Candidate> Order = Comparer<Candidate>.Create((a, b) => Compare(a, b));
}
