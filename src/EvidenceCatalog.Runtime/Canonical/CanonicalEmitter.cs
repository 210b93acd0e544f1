using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>
/// Writes a parsed JSON text in RFC 8785 canonical form straight into an <see cref="IBufferWriter{T}"/>, in chunks,
/// sorting each object's members by index in one shared scratch stack so that no object costs an allocation.
/// Hot methods are optimised from their first call, since a process typically signs or verifies one report.
/// </summary>
internal ref struct CanonicalEmitter
{
    private const int ChunkSize = 64 * 1024;

    private readonly ReadOnlySpan<byte> json;
    private readonly JsonTokenTable tokens;
    private readonly IBufferWriter<byte> output;
    private readonly bool integersOnly;
    private readonly byte[]? excludedMember;

    private Span<byte> buffer;
    private int position;

    private int[] scratch;
    private int scratchTop;
    private byte[] leftName;
    private byte[] rightName;

    public CanonicalEmitter(ReadOnlySpan<byte> json, JsonTokenTable tokens, IBufferWriter<byte> output, CanonicalJsonOptions options)
    {
        this.json = json;
        this.tokens = tokens;
        this.output = output;
        integersOnly = options.IntegersOnly;
        excludedMember = options.ExcludedMember is null ? null : Encoding.UTF8.GetBytes(options.ExcludedMember);
        buffer = Span<byte>.Empty;
        position = 0;
        scratch = ArrayPool<int>.Shared.Rent(256);
        scratchTop = 0;
        leftName = [];
        rightName = [];
    }

    /// <summary>Writes the whole text and commits the last chunk.</summary>
    public void WriteDocument()
    {
        try
        {
            WriteValue(0, depth: 0);
            output.Advance(position);
            position = 0;
            buffer = Span<byte>.Empty;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
            scratch = [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteValue(int index, int depth)
    {
        ref readonly JsonToken token = ref tokens[index];
        switch (token.Kind)
        {
            case JsonTokenKind.Object:
                WriteObject(index, depth);
                break;
            case JsonTokenKind.Array:
                WriteByte((byte)'[');
                for (int item = index + 1; item < token.Extent; item = tokens.NextSibling(item))
                {
                    if (item != index + 1)
                    {
                        WriteByte((byte)',');
                    }

                    WriteValue(item, depth + 1);
                }

                WriteByte((byte)']');
                break;
            case JsonTokenKind.String:
                WriteString(index);
                break;
            case JsonTokenKind.Number:
                Reserve(EcmaScriptNumber.MaxLength);
                position += EcmaScriptNumber.Write(tokens.Raw(json, index), integersOnly, token.Start, buffer[position..]);
                break;
            default:
                // true, false and null are their own canonical form.
                Write(tokens.Raw(json, index));
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteObject(int index, int depth)
    {
        int end = tokens[index].Extent;
        int count = 0;
        for (int name = index + 1; name < end; name = tokens.NextSibling(name + 1))
        {
            count++;
        }

        // Members at scratch[members..members+count), merge space after them.
        int members = scratchTop;
        EnsureScratch(members + (2 * count));
        scratchTop = members + (2 * count);
        int slot = members;
        for (int name = index + 1; name < end; name = tokens.NextSibling(name + 1))
        {
            scratch[slot++] = name;
        }

        Sort(members, members + count, members + count);

        WriteByte((byte)'{');
        bool first = true;
        for (int slotIndex = members; slotIndex < members + count; slotIndex++)
        {
            int name = scratch[slotIndex];
            if (slotIndex > members && CompareNames(scratch[slotIndex - 1], name) == 0)
            {
                throw new CanonicalJsonException(
                    CanonicalJsonError.DuplicateMember,
                    "the object at byte " + tokens[index].Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + " has two members named " + Encoding.UTF8.GetString(tokens.Text(json, name, ref leftName)) + " (a JSON object's member names must be unique)",
                    tokens[name].Start);
            }

            if (depth == 0 && excludedMember is not null && tokens.Text(json, name, ref leftName).SequenceEqual(excludedMember))
            {
                continue;
            }

            if (!first)
            {
                WriteByte((byte)',');
            }

            first = false;
            WriteString(name);
            WriteByte((byte)':');
            WriteValue(name + 1, depth + 1);
        }

        WriteByte((byte)'}');
        scratchTop = members;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteString(int index)
    {
        ref readonly JsonToken token = ref tokens[index];
        var raw = tokens.Raw(json, index);
        if (token.NonAscii)
        {
            JsonStringText.CheckUtf8(raw, token.Start);
        }

        if (!token.Escaped)
        {
            // The reader refuses raw controls, quotes and backslashes inside strings, so unescaped text is already canonical.
            Reserve(Math.Min(raw.Length + 2, ChunkSize));
            WriteByte((byte)'"');
            Write(raw);
            WriteByte((byte)'"');
            return;
        }

        byte[] text = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            int length = JsonStringText.Unescape(raw, text, token.Start);
            Reserve(JsonStringText.MaxCanonicalLength(length));
            position += JsonStringText.WriteCanonical(text.AsSpan(0, length), buffer[position..]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
    }

    /// <summary>Merge sort of scratch[low..high) by member name, stable, with insertion sort for short runs (most objects).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sort(int low, int high, int merge)
    {
        if (high - low <= 12)
        {
            for (int next = low + 1; next < high; next++)
            {
                int name = scratch[next];
                int slot = next;
                while (slot > low && CompareNames(scratch[slot - 1], name) > 0)
                {
                    scratch[slot] = scratch[slot - 1];
                    slot--;
                }

                scratch[slot] = name;
            }

            return;
        }

        int middle = low + ((high - low) / 2);
        Sort(low, middle, merge);
        Sort(middle, high, merge);
        if (CompareNames(scratch[middle - 1], scratch[middle]) <= 0)
        {
            // Already in order, as members written by a sorted writer are.
            return;
        }

        Array.Copy(scratch, low, scratch, merge, middle - low);
        int left = merge;
        int leftEnd = merge + (middle - low);
        int right = middle;
        int target = low;
        while (left < leftEnd && right < high)
        {
            scratch[target++] = CompareNames(scratch[left], scratch[right]) <= 0 ? scratch[left++] : scratch[right++];
        }

        while (left < leftEnd)
        {
            scratch[target++] = scratch[left++];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CompareNames(int left, int right)
    {
        if (!tokens[left].Escaped && !tokens[right].Escaped)
        {
            return JsonStringText.CompareAsUtf16(tokens.Raw(json, left), tokens.Raw(json, right));
        }

        return JsonStringText.CompareAsUtf16(tokens.Text(json, left, ref leftName), tokens.Text(json, right, ref rightName));
    }

    private void EnsureScratch(int size)
    {
        if (size > scratch.Length)
        {
            int[] larger = ArrayPool<int>.Shared.Rent(Math.Max(size, scratch.Length * 2));
            scratch.AsSpan(0, scratchTop).CopyTo(larger);
            ArrayPool<int>.Shared.Return(scratch);
            scratch = larger;
        }
    }

    private void WriteByte(byte value)
    {
        if (position == buffer.Length)
        {
            Reserve(1);
        }

        buffer[position++] = value;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > buffer.Length - position)
        {
            int room = buffer.Length - position;
            bytes[..room].CopyTo(buffer[position..]);
            position += room;
            bytes = bytes[room..];
            Reserve(Math.Min(bytes.Length, ChunkSize));
        }

        bytes.CopyTo(buffer[position..]);
        position += bytes.Length;
    }

    /// <summary>Makes room for <paramref name="size"/> contiguous bytes, committing the current chunk if it lacks them.</summary>
    private void Reserve(int size)
    {
        if (buffer.Length - position >= size)
        {
            return;
        }

        if (position > 0)
        {
            output.Advance(position);
        }

        buffer = output.GetSpan(Math.Max(size, ChunkSize));
        position = 0;
    }
}
