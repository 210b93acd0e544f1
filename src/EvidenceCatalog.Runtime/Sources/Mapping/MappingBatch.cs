using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events.Reading;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// A run of framed records copied out of the framer's buffer, so that they can be mapped on another thread while the
/// framer reads on, and what the mapper made of each (the event's texts copied out of the mapper's scratch). Mapping
/// needs nothing but the record; judging (validation, duplicates, counts, quarantine) stays with the one reader, in
/// input order. Reused from batch to batch: it keeps its arrays.
/// </summary>
internal sealed class MappingBatch
{
    private byte[] text = new byte[64 * 1024];
    private int textUsed;
    private byte[] fields = new byte[16 * 1024];
    private int fieldsUsed;
    private Record[] records;

    // The batch's use (bumped by every Clear) and, in the low bit, whether a thread has claimed it for mapping: a task
    // handed an earlier use of the batch finds the generation changed and leaves the batch alone.
    private long state;
    private bool mapped;

    /// <param name="capacity">The most records it holds.</param>
    public MappingBatch(int capacity)
    {
        records = new Record[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Full: by its record count, or by the bytes it holds (about one read of the framer).</summary>
    public bool IsFull => Count == records.Length || textUsed >= 1 << 20;

    /// <summary>The work of mapping it on another thread, when it was handed to one.</summary>
    public Task? Mapping { get; set; }

    /// <summary>Empties it for the next run of records.</summary>
    public void Clear()
    {
        Count = 0;
        textUsed = 0;
        fieldsUsed = 0;
        Mapping = null;
        mapped = false;
        Volatile.Write(ref state, (Generation + 1) << 1);
    }

    /// <summary>Copies a framed record in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in FramedLine line)
    {
        Grow(ref text, textUsed, line.Text.Length);
        line.Text.CopyTo(text.AsSpan(textUsed));
        records[Count++] = new Record
        {
            Text = new Segment(textUsed, line.Text.Length),
            Number = line.Number,
            Kind = line.Kind,
            IsLast = line.IsLast,
        };
        textUsed += line.Text.Length;
    }

    /// <summary>Whether every record has been mapped (by whichever thread claimed it).</summary>
    public bool IsMapped => Volatile.Read(ref mapped);

    /// <summary>Which use of the batch this is: a task that is to map it captures it when the batch is handed over.</summary>
    public long Generation => Volatile.Read(ref state) >> 1;

    /// <summary>Claims this use of the batch for mapping: true for the one thread that gets to map it.</summary>
    public bool TryTake(long generation) => Interlocked.CompareExchange(ref state, (generation << 1) | 1, generation << 1) == generation << 1;

    /// <summary>Maps every record (framing problems other than an element that is no object are left to the judge).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Map(RecordMapper mapper, bool withAttributes)
    {
        for (int i = 0; i < Count; i++)
        {
            ref var record = ref records[i];
            if (record.Kind is not (FramedLineKind.Record or FramedLineKind.NotAnObject))
            {
                continue;
            }

            record.Outcome = mapper.Map(Text(record), withAttributes, out var draft, out var name, out record.Reason);
            switch (record.Outcome)
            {
                case MappingOutcome.Mapped:
                    record.Name = Keep(name);
                    record.Event = new MappedFields
                    {
                        Id = Keep(draft.Id),
                        Type = Keep(draft.Type),
                        Outcome = Keep(draft.Outcome),
                        HasOutcome = draft.HasOutcome,
                        UtcTicks = draft.UtcTicks,
                        Actor = Keep(draft.Actor),
                        Account = Keep(draft.Account),
                        Resource = Keep(draft.Resource),
                        Ip = Keep(draft.Ip),
                        Attributes = Keep(draft.Attributes),
                    };
                    break;
                case MappingOutcome.Unmapped:
                    record.Name = Keep(name);
                    break;
            }
        }

        Volatile.Write(ref mapped, true);
    }

    /// <summary>The record as framed.</summary>
    public FramedLine Line(int index)
    {
        ref readonly var record = ref records[index];
        return new FramedLine { Kind = record.Kind, Text = Text(record), Number = record.Number, IsLast = record.IsLast };
    }

    /// <summary>What the mapper made of the record: the outcome, the draft (when mapped), the native name (when mapped or unmapped), the reason (when rejected).</summary>
    public MappingOutcome Outcome(int index, out EventDraft draft, out ReadOnlySpan<byte> name, out string? reason)
    {
        ref readonly var record = ref records[index];
        name = Span(record.Name);
        reason = record.Reason;
        draft = default;
        if (record.Outcome == MappingOutcome.Mapped)
        {
            ref readonly var e = ref record.Event;
            draft = new EventDraft
            {
                Id = Span(e.Id),
                TimeParsed = true,
                UtcTicks = e.UtcTicks,
                Type = Span(e.Type),
                HasOutcome = e.HasOutcome,
                Outcome = Span(e.Outcome),
                Actor = Span(e.Actor),
                Account = Span(e.Account),
                Resource = Span(e.Resource),
                Ip = Span(e.Ip),
                Attributes = Span(e.Attributes),
            };
        }

        return record.Outcome;
    }

    private static void Grow(ref byte[] array, int used, int more)
    {
        if (array.Length - used < more)
        {
            Array.Resize(ref array, Math.Max(array.Length * 2, used + more));
        }
    }

    private ReadOnlySpan<byte> Text(in Record record) => text.AsSpan(record.Text.Start, record.Text.Length);

    private ReadOnlySpan<byte> Span(Segment segment) => fields.AsSpan(segment.Start, segment.Length);

    private Segment Keep(ReadOnlySpan<byte> value)
    {
        Grow(ref fields, fieldsUsed, value.Length);
        value.CopyTo(fields.AsSpan(fieldsUsed));
        var segment = new Segment(fieldsUsed, value.Length);
        fieldsUsed += value.Length;
        return segment;
    }

    private readonly record struct Segment(int Start, int Length);

    [StructLayout(LayoutKind.Auto)]
    private struct MappedFields
    {
        public Segment Id;
        public Segment Type;
        public Segment Outcome;
        public bool HasOutcome;
        public long UtcTicks;
        public Segment Actor;
        public Segment Account;
        public Segment Resource;
        public Segment Ip;
        public Segment Attributes;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Record
    {
        public Segment Text;
        public long Number;
        public FramedLineKind Kind;
        public bool IsLast;
        public MappingOutcome Outcome;
        public Segment Name;
        public string? Reason;
        public MappedFields Event;
    }
}
