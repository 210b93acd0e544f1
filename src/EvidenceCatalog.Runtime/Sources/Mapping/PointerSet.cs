using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Every JSON pointer a log source reads, merged into one tree of member names, so that a record is walked once for
/// all of them: each object on the way is scanned member by member against the names wanted there, and a wanted
/// member's value is found without scanning from the root again for every pointer (a CloudTrail record has some 20
/// root members and a source reads a dozen fields of it). The walk is the record's one parse: no token table is built
/// for a record unless its canonical form is needed (bench/README.md, "Log sources").
/// </summary>
internal sealed class PointerSet
{
    private readonly Node root = new();
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);

    // The containers the walk is inside of that pointers go on into, and the next element index of each array among them.
    private Node[] frames = [];
    private int[] indexes = [];

    /// <summary>How many distinct pointers there are: the length of the slot table <see cref="Resolve"/> fills.</summary>
    public int Count => slots.Count;

    /// <summary>The slot of a pointer (the same for the same pointer text), adding it when new.</summary>
    public int Add(JsonPointer pointer)
    {
        if (slots.TryGetValue(pointer.Text, out int slot))
        {
            return slot;
        }

        slot = slots.Count;
        slots.Add(pointer.Text, slot);
        var node = root;
        for (int i = 0; i < pointer.Names.Length; i++)
        {
            node = node.Child(pointer.Names[i], pointer.Indexes[i]);
        }

        node.Slot = slot;
        return slot;
    }

    /// <summary>
    /// Reads the record once, with <see cref="Utf8JsonReader"/> (which checks all of its syntax), and fills
    /// <paramref name="found"/>: per slot, where the value its pointer names is, or <see cref="FoundValue.Absent"/>.
    /// Only the objects and arrays that some pointer enters are read member by member; the reader skips the others
    /// whole. A member named twice: the last one wins, as in most JSON readers.
    /// </summary>
    /// <param name="json">The record: one JSON value.</param>
    /// <param name="maxDepth">The deepest nesting allowed.</param>
    /// <param name="found">One entry per slot.</param>
    /// <param name="unreadableName">
    /// Set when a member name on a pointer's way escapes half of a UTF-16 surrogate pair, so it cannot be compared:
    /// the record has no text for it. The walk goes on, so that a syntax error after it is still the one reported.
    /// </param>
    /// <returns>What the record's root value is.</returns>
    /// <exception cref="JsonException">The text is not one JSON value, or is nested too deeply.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonTokenKind Resolve(ReadOnlySpan<byte> json, int maxDepth, Span<FoundValue> found, out bool unreadableName)
    {
        found.Fill(FoundValue.Absent);
        unreadableName = false;
        if (frames.Length < maxDepth + 1)
        {
            frames = new Node[maxDepth + 1];
            indexes = new int[maxDepth + 1];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        if (!reader.Read())
        {
            throw new JsonException("The input does not contain any JSON tokens.");
        }

        var rootKind = FoundValue.At(ref reader).Kind;
        int depth = Enter(ref reader, root, found, 0);
        while (depth > 0 && reader.Read())
        {
            Node? child;
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    continue;
                case JsonTokenType.PropertyName:
                    child = frames[depth - 1].Find(ref reader, ref unreadableName);
                    reader.Read();
                    break;
                default:
                    child = frames[depth - 1].ElementAt(indexes[depth - 1]++);
                    break;
            }

            if (child is null)
            {
                reader.Skip();
                continue;
            }

            depth = Enter(ref reader, child, found, depth);
        }

        // Whatever follows the root value is checked too: nothing may.
        while (reader.Read())
        {
        }

        return rootKind;
    }

    /// <summary>Takes the value the reader stands on for <paramref name="node"/>: its slot filled, and its container entered when pointers go on inside it, or skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Enter(ref Utf8JsonReader reader, Node node, Span<FoundValue> found, int depth)
    {
        if (node.Slot >= 0)
        {
            found[node.Slot] = FoundValue.At(ref reader);
        }

        var type = reader.TokenType;
        if ((type == JsonTokenType.StartObject && node.Children.Count > 0) || (type == JsonTokenType.StartArray && node.MaxIndex >= 0))
        {
            frames[depth] = node;
            indexes[depth] = 0;
            return depth + 1;
        }

        reader.Skip();
        return depth;
    }

    private sealed class Node
    {
        private byte[] unescaped = new byte[64];

        // The named children by the length of their name (null where none has that length).
        private Node[]?[] byLength = [];

        public Node(byte[]? name = null, int index = -1)
        {
            Name = name ?? [];
            Index = index;
        }

        public byte[] Name { get; }

        public int Index { get; }

        public int Slot { get; set; } = -1;

        public List<Node> Children { get; } = [];

        /// <summary>The largest array index among the children, or -1.</summary>
        public int MaxIndex { get; private set; } = -1;

        public Node Child(byte[] name, int index)
        {
            foreach (var child in Children)
            {
                if (child.Name.AsSpan().SequenceEqual(name))
                {
                    return child;
                }
            }

            var added = new Node(name, index);
            Children.Add(added);
            MaxIndex = Math.Max(MaxIndex, index);
            if (name.Length >= byLength.Length)
            {
                Array.Resize(ref byLength, name.Length + 1);
            }

            byLength[name.Length] = [.. byLength[name.Length] ?? [], added];
            return added;
        }

        /// <summary>The child named by the member name the reader stands on, or null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Node? Find(ref Utf8JsonReader reader, ref bool unreadable)
        {
            var text = reader.ValueSpan;
            if (reader.ValueIsEscaped)
            {
                if (unescaped.Length < text.Length)
                {
                    unescaped = new byte[text.Length];
                }

                try
                {
                    text = unescaped.AsSpan(0, JsonStringText.Unescape(text, unescaped, (int)reader.TokenStartIndex + 1));
                }
                catch (CanonicalJsonException)
                {
                    unreadable = true;
                    return null;
                }
            }

            // The children of the member name's length: most members of a record are none, and most lengths hold one child.
            if (text.Length >= byLength.Length || byLength[text.Length] is not { } sameLength)
            {
                return null;
            }

            foreach (var child in sameLength)
            {
                if (text.SequenceEqual(child.Name))
                {
                    return child;
                }
            }

            return null;
        }

        /// <summary>The child that names element <paramref name="index"/> of an array, or null.</summary>
        public Node? ElementAt(int index)
        {
            if (index > MaxIndex)
            {
                return null;
            }

            foreach (var child in Children)
            {
                if (child.Index == index)
                {
                    return child;
                }
            }

            return null;
        }
    }
}
