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
    /// Reads the record once and fills <paramref name="found"/>: per slot, where the value its pointer names is, or
    /// <see cref="FoundValue.Absent"/>. Only the objects and arrays that some pointer enters are read member by member;
    /// the others are stepped over whole, their syntax checked. A member named twice: the last one wins, as in most JSON
    /// readers. An object is walked by <see cref="RecordScanner"/>, and taken when it is ASCII or checks as valid UTF-8;
    /// anything it does not take (invalid JSON, deep nesting, another root, bytes that are not UTF-8) is walked again by
    /// <see cref="Utf8JsonReader"/>, whose result and error stand, so both walks give the same answer for every record
    /// (<c>RecordScannerTests</c>).
    /// </summary>
    /// <param name="json">The record: one JSON value.</param>
    /// <param name="maxDepth">The deepest nesting allowed.</param>
    /// <param name="found">One entry per slot.</param>
    /// <param name="unreadableName">
    /// Set when a member name on a pointer's way escapes half of a UTF-16 surrogate pair, so it cannot be compared:
    /// the record has no text for it. The walk goes on, so that a syntax error after it is still the one reported.
    /// </param>
    /// <param name="validUtf8">
    /// Whether the whole record is valid UTF-8: known without a check of its own when the scanner took it and saw no
    /// byte above ASCII (most records), checked otherwise.
    /// </param>
    /// <returns>What the record's root value is.</returns>
    /// <exception cref="JsonException">The text is not one JSON value, or is nested too deeply.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JsonTokenKind Resolve(ReadOnlySpan<byte> json, int maxDepth, Span<FoundValue> found, out bool unreadableName, out bool validUtf8)
    {
        bool taken = TryScan(json, maxDepth, found, out unreadableName, out bool nonAscii);
        validUtf8 = (taken && !nonAscii) || System.Text.Unicode.Utf8.IsValid(json);
        return taken && validUtf8 ? JsonTokenKind.Object : ReadWithReader(json, maxDepth, found, out unreadableName);
    }

    /// <summary>
    /// The fast walk: false (and <paramref name="found"/> undefined) wherever <see cref="RecordScanner"/> stops. It does
    /// not check UTF-8: <paramref name="nonAscii"/> tells whether a string it crossed has bytes above ASCII (a record
    /// taken without one is ASCII); with one, the record is the fast walk's only when it is valid UTF-8.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryScan(ReadOnlySpan<byte> json, int maxDepth, Span<FoundValue> found, out bool unreadableName, out bool nonAscii)
    {
        found.Fill(FoundValue.Absent);
        unreadableName = false;
        var scanner = new RecordScanner(json, maxDepth);
        scanner.SkipWhitespace();
        bool taken = scanner.Current == (byte)'{' && Walk(ref scanner, json, root, found, 0, ref unreadableName) && scanner.AtEnd();
        nonAscii = scanner.SawNonAscii;
        return taken;
    }

    /// <summary>The reader's walk (the reference the fast one must match).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal JsonTokenKind ReadWithReader(ReadOnlySpan<byte> json, int maxDepth, Span<FoundValue> found, out bool unreadableName)
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

    /// <summary>
    /// Takes the value at the scanner for <paramref name="node"/> (with <paramref name="depth"/> containers open around
    /// it): its slot filled, and its members or elements walked when pointers go on inside it, else stepped over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Walk(ref RecordScanner scanner, ReadOnlySpan<byte> json, Node node, Span<FoundValue> found, int depth, ref bool unreadableName)
    {
        byte first = scanner.Current;
        bool isObject = first == (byte)'{';
        if (!isObject && first != (byte)'[')
        {
            if (!scanner.Scalar(out var value))
            {
                return false;
            }

            if (node.Slot >= 0)
            {
                found[node.Slot] = value;
            }

            return true;
        }

        if (node.Slot >= 0)
        {
            found[node.Slot] = FoundValue.Of(scanner.Position, 0, isObject ? JsonTokenKind.Object : JsonTokenKind.Array, escaped: false);
        }

        if (isObject ? node.Children.Count == 0 : node.MaxIndex < 0)
        {
            return scanner.SkipValue(depth);
        }

        // Walked member by member.
        if (!scanner.Allows(++depth))
        {
            return false;
        }

        scanner.Advance();
        byte closing = isObject ? (byte)'}' : (byte)']';
        scanner.SkipWhitespace();
        if (scanner.Current == closing)
        {
            scanner.Advance();
            return true;
        }

        for (int index = 0; ; index++)
        {
            Node? child;
            if (isObject)
            {
                if (!scanner.Name(out int start, out int length, out bool escaped))
                {
                    return false;
                }

                child = node.Find(json.Slice(start, length), escaped, start, ref unreadableName);
            }
            else
            {
                child = node.ElementAt(index);
            }

            if (!(child is null ? scanner.SkipValue(depth) : Walk(ref scanner, json, child, found, depth, ref unreadableName)))
            {
                return false;
            }

            byte after = scanner.Next();
            if (after == closing)
            {
                return true;
            }

            if (after != (byte)',')
            {
                return false;
            }

            scanner.SkipWhitespace();
        }
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
        public Node? Find(ref Utf8JsonReader reader, ref bool unreadable) =>
            Find(reader.ValueSpan, reader.ValueIsEscaped, (int)reader.TokenStartIndex + 1, ref unreadable);

        /// <summary>The child named by a member name as written (<paramref name="offset"/>: where it starts in the record, for messages), or null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Node? Find(ReadOnlySpan<byte> text, bool escaped, int offset, ref bool unreadable)
        {
            if (escaped)
            {
                if (unescaped.Length < text.Length)
                {
                    unescaped = new byte[text.Length];
                }

                try
                {
                    text = unescaped.AsSpan(0, JsonStringText.Unescape(text, unescaped, offset));
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
