using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// A template of a log source (docs/sources.md): text with JSON pointers in braces, <c>user:{/actor/alternateId}</c>;
/// <c>{{</c> and <c>}}</c> stand for literal braces. It resolves when every pointer in it names a scalar that is not
/// empty (a string, or a number or boolean as JSON writes it); otherwise it does not, and the next template of a list
/// is tried.
/// </summary>
internal sealed class FieldTemplate
{
    private readonly byte[][] literals;
    private readonly int[] slots;

    private FieldTemplate(string text, byte[][] literals, int[] slots)
    {
        Text = text;
        this.literals = literals;
        this.slots = slots;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Parses a template, registering its pointers in <paramref name="pointers"/>.</summary>
    /// <exception cref="FormatException">A brace is not closed or not doubled, or a pointer is malformed.</exception>
    public static FieldTemplate Parse(string text, PointerSet pointers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pointers);

        // Literal i comes before pointer i; there is one literal more than pointers (either may be empty).
        var literals = new List<byte[]>();
        var slots = new List<int>();
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                int close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new FormatException($"template '{text}' opens a brace at {i + 1} that is never closed (write '{{{{' for a literal brace)");
                }

                literals.Add(Encoding.UTF8.GetBytes(literal.ToString()));
                literal.Clear();
                slots.Add(pointers.Add(JsonPointer.Parse(text[(i + 1)..close])));
                i = close;
            }
            else if (c == '}')
            {
                throw new FormatException($"template '{text}' has a '}}' at {i + 1} that closes nothing (write '}}}}' for a literal brace)");
            }
            else
            {
                literal.Append(c);
            }
        }

        literals.Add(Encoding.UTF8.GetBytes(literal.ToString()));
        return new FieldTemplate(text, literals.ToArray(), slots.ToArray());
    }

    /// <summary>The template filled from the record; false when a pointer names nothing, null, a container or an empty text.</summary>
    /// <exception cref="Canonical.CanonicalJsonException">A string escapes half of a UTF-16 surrogate pair.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryResolve(SourceRecord record, RecordScratch scratch, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (slots.Length == 1 && literals[0].Length == 0 && literals[1].Length == 0)
        {
            // The common case, one pointer and nothing else: its text as it is, no copy.
            return record.TryText(slots[0], out text) && !text.IsEmpty;
        }

        // Room for the longest the text can be (a string's escaped form is never shorter than its text), trimmed after.
        int room = 0;
        foreach (var literal in literals)
        {
            room += literal.Length;
        }

        foreach (int slot in slots)
        {
            int longest = record.LongestText(slot);
            if (longest <= 0)
            {
                return false;
            }

            room += longest;
        }

        var output = scratch.Take(room);
        int written = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            literals[i].CopyTo(output[written..]);
            written += literals[i].Length;
            int length = record.CopyText(slots[i], output[written..]);
            if (length == 0)
            {
                scratch.Return(room);
                return false;
            }

            written += length;
        }

        literals[^1].CopyTo(output[written..]);
        written += literals[^1].Length;
        scratch.Return(room - written);
        text = output[..written];
        return true;
    }

    public override string ToString() => Text;
}
