using System.Collections.Generic;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Yaml;

/// <summary>A node of a loaded YAML document, with the span it came from. Only the loader builds these.</summary>
public abstract class YamlNode
{
    private protected YamlNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; internal set; }

    /// <summary>What the node is, in words, for messages ("a mapping", "a sequence", "text").</summary>
    public abstract string Describe();
}

/// <summary>A scalar: its text exactly as written, and whether it was plain (unquoted), which decides its typing.</summary>
public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(SourceSpan span, string value, bool isPlain)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>True when written without quotes or block indicators; only plain scalars can be numbers, booleans or null.</summary>
    public bool IsPlain { get; }

    public override string Describe() => "a scalar";

    /// <summary>
    /// The span of the character at <paramref name="index"/> of <see cref="Value"/>, where the file shows the value one
    /// character for one: a plain scalar on one line, or a quoted one without escapes. Elsewhere (escapes, folded lines,
    /// block scalars) no column is certain, so the scalar's own span.
    /// </summary>
    public SourceSpan SpanOfCharacter(int index)
    {
        int written = Span.EndOffset - Span.StartOffset;
        int shift = IsPlain && written == Value.Length ? 0 : !IsPlain && written == Value.Length + 2 ? 1 : -1;
        if (shift < 0 || Span.StartLine != Span.EndLine || index < 0 || index >= Value.Length)
        {
            return Span;
        }

        int column = Span.StartColumn + shift + index;
        int offset = Span.StartOffset + shift + index;
        return new SourceSpan(Span.StartLine, column, Span.StartLine, column + 1, offset, offset + 1);
    }
}

public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(SourceSpan span)
        : base(span)
    {
    }

    public List<YamlNode> Items { get; } = new();

    public override string Describe() => "a sequence";
}

public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(SourceSpan span)
        : base(span)
    {
    }

    /// <summary>The entries in the order written. Keys are unique (the loader reports duplicates).</summary>
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public override string Describe() => "a mapping";
}
