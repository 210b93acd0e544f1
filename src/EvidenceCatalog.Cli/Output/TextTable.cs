using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Rows of text in aligned columns, two spaces apart, the last column not padded (so no line ends in spaces).</summary>
internal static class TextTable
{
    /// <param name="writer">Where the lines go.</param>
    /// <param name="rows">The header row first, then the rows; every row has the same number of cells.</param>
    /// <param name="indent">Written before each line.</param>
    /// <param name="rightAligned">The columns whose cells are right-aligned (counts).</param>
    public static void Write(TextWriter writer, IReadOnlyList<string[]> rows, string indent = "", IReadOnlyCollection<int>? rightAligned = null)
    {
        if (rows.Count == 0)
        {
            return;
        }

        int[] widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, column) =>
                rightAligned?.Contains(column) == true ? cell.PadLeft(widths[column])
                : column == row.Length - 1 ? cell
                : cell.PadRight(widths[column]));
            writer.WriteLine(indent + string.Join("  ", cells).TrimEnd());
        }
    }
}
