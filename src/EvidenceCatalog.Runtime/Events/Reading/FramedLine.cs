using System;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>What a framed record is.</summary>
internal enum FramedLineKind
{
    /// <summary>One record's text: no newline, carriage return, byte order mark or NUL padding around it.</summary>
    Record,

    /// <summary>A record longer than <see cref="JsonLinesFramer.MaxLineBytes"/>; the text is its start.</summary>
    TooLong,

    /// <summary>A line of nothing but NUL bytes (padding from a crash or a preallocated file).</summary>
    NulPadding,

    /// <summary>An element of a JSON array that is not an object (a number, a string, an array, null); the text is the element.</summary>
    NotAnObject,
}

/// <summary>One record of an input as a framer cut it (a line of JSON Lines, an element of a JSON array), valid until the framer's next call.</summary>
internal readonly ref struct FramedLine
{
    public FramedLineKind Kind { get; init; }

    public ReadOnlySpan<byte> Text { get; init; }

    /// <summary>1-based number of the record in the input: its line, or its element of an array.</summary>
    public long Number { get; init; }

    /// <summary>True for the input's last line when it has no newline after it (it may have been cut off).</summary>
    public bool IsLast { get; init; }
}
