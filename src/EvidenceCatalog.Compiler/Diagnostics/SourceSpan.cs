using System;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>
/// A region of a source file. Lines and columns are 1-based (as editors and MSBuild show them);
/// offsets are 0-based character offsets. A plain value: safe to cache and compare.
/// </summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, int StartOffset, int EndOffset)
{
    /// <summary>The start of a file, for diagnostics about the file as a whole.</summary>
    public static readonly SourceSpan FileStart = new(1, 1, 1, 1, 0, 0);

    public static SourceSpan At(int line, int column, int offset = 0) => new(line, column, line, column, offset, offset);

    /// <summary>The span of the character at <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static SourceSpan AtOffset(string text, int offset)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        int line = 1, column = 1;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourceSpan(line, column, line, column + 1, offset, offset + 1);
    }

    public override string ToString() => $"({StartLine},{StartColumn})-({EndLine},{EndColumn})";
}
