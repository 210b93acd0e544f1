using System;
using System.Collections.Generic;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Every JSON pointer a log source reads, merged into one tree of member names, so that a record is walked once for
/// all of them: each object on the way is scanned member by member against the names wanted there, and a wanted
/// member's value is found without scanning from the root again for every pointer (a CloudTrail record has some 20
/// root members and a source reads a dozen fields of it).
/// </summary>
internal sealed class PointerSet
{
    private readonly Node root = new();
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);

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

    /// <summary>Fills <paramref name="found"/>: per slot, the token of the value its pointer names, or -1.</summary>
    public void Resolve(ReadOnlySpan<byte> json, JsonTokenTable tokens, Span<int> found)
    {
        found.Fill(-1);
        if (tokens.Count > 0)
        {
            Visit(root, 0, json, tokens, found);
        }
    }

    private static void Visit(Node node, int token, ReadOnlySpan<byte> json, JsonTokenTable tokens, Span<int> found)
    {
        if (node.Slot >= 0)
        {
            found[node.Slot] = token;
        }

        if (node.Children.Count == 0)
        {
            return;
        }

        ref readonly var value = ref tokens[token];
        if (value.Kind == JsonTokenKind.Object)
        {
            // A member named twice: the last one wins, as in most JSON readers.
            for (int name = token + 1; name < value.Extent; name = tokens.NextSibling(name + 1))
            {
                var child = node.Find(json, tokens, name);
                if (child is not null)
                {
                    Visit(child, name + 1, json, tokens, found);
                }
            }
        }
        else if (value.Kind == JsonTokenKind.Array && node.MaxIndex >= 0)
        {
            int index = 0;
            for (int item = token + 1; item < value.Extent && index <= node.MaxIndex; item = tokens.NextSibling(item), index++)
            {
                foreach (var child in node.Children)
                {
                    if (child.Index == index)
                    {
                        Visit(child, item, json, tokens, found);
                    }
                }
            }
        }
    }

    private sealed class Node
    {
        private byte[] unescaped = new byte[64];

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
            return added;
        }

        /// <summary>The child named by the member name at <paramref name="name"/>, or null.</summary>
        public Node? Find(ReadOnlySpan<byte> json, JsonTokenTable tokens, int name)
        {
            ref readonly var token = ref tokens[name];
            var text = token.Escaped ? tokens.Text(json, name, ref unescaped) : json.Slice(token.Start, token.Extent);
            foreach (var child in Children)
            {
                // Lengths differ for most members, so most comparisons stop at the first test.
                if (child.Name.Length == text.Length && text.SequenceEqual(child.Name))
                {
                    return child;
                }
            }

            return null;
        }
    }
}
