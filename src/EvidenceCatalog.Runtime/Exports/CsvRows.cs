using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace EvidenceCatalog.Runtime.Exports;

/// <summary>
/// Rows of an RFC 4180 CSV file, buffered and written to a stream: CRLF line ends, a field quoted when it holds a comma,
/// quote or line break (quotes doubled), and a field that a spreadsheet would run as a formula (leading
/// <c>= + - @</c>, tab or carriage return) prefixed with <c>'</c>. The one way the exports write CSV.
/// </summary>
internal sealed class CsvRows
{
    private const int FlushBytes = 64 * 1024;

    private readonly Stream output;
    private readonly ArrayBufferWriter<byte> row = new(512);
    private bool first = true;

    public CsvRows(Stream output, string[] header)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        foreach (string column in header)
        {
            Field(Encoding.UTF8.GetBytes(column));
        }

        EndRow();
    }

    /// <summary>Adds a field to the current row.</summary>
    public void Field(ReadOnlySpan<byte> value)
    {
        if (!first)
        {
            row.Write(","u8);
        }

        first = false;
        bool formula = !value.IsEmpty && value[0] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';
        bool quote = value.IndexOfAny(",\"\r\n"u8) >= 0;
        if (quote)
        {
            row.Write("\""u8);
        }

        if (formula)
        {
            row.Write("'"u8);
        }

        if (quote)
        {
            foreach (byte b in value)
            {
                row.Write(b == '"' ? "\"\""u8 : [b]);
            }

            row.Write("\""u8);
        }
        else
        {
            row.Write(value);
        }
    }

    /// <summary>Adds a text field (null: empty).</summary>
    public void Field(string? value) => Field(value is null ? [] : Encoding.UTF8.GetBytes(value));

    /// <summary>Ends the current row; the buffer goes to the stream once it is large.</summary>
    public void EndRow()
    {
        row.Write("\r\n"u8);
        first = true;
        if (row.WrittenCount > FlushBytes)
        {
            output.Write(row.WrittenSpan);
            row.ResetWrittenCount();
        }
    }

    /// <summary>Writes what is buffered to the stream (which the rows do not own) and flushes it.</summary>
    public void Flush()
    {
        output.Write(row.WrittenSpan);
        row.ResetWrittenCount();
        output.Flush();
    }
}
