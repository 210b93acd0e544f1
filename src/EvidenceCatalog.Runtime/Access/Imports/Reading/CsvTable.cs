using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EvidenceCatalog.Runtime.Access.Imports.Reading;

/// <summary>A CSV file (RFC 4180: commas, double quotes, CRLF or LF) read into a header and rows, each row with its line.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string name, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Name = name;
        Header = header;
        Rows = rows;
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i], i);
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>; the column must be in the header.</summary>
    public string Value(CsvRow row, string column) => row.Fields[columns[column]];

    /// <summary>Refuses a header without one of <paramref name="required"/>, naming them all.</summary>
    public void Require(IEnumerable<string> required, string what)
    {
        var missing = required.Where(c => !Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new AccessImportException(
                $"{Name} line 1: the header has no column {string.Join(", ", missing)}; is this {what}? (its header starts: {string.Join(",", Header.Take(4))})");
        }
    }

    public static CsvTable Parse(string text, string name)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        bool quoted = false;
        bool wasQuoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    throw new AccessImportException($"{name} line {line}: a double quote inside an unquoted field; quote the whole field");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new AccessImportException($"{name} line {line}: text after the closing double quote of a field");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new AccessImportException($"{name} line {recordLine}: a quoted field is not closed before the end of the file");
        }

        EndRecord();
        if (records.Count == 0)
        {
            throw new AccessImportException($"{name} has no header line");
        }

        var header = records[0].Fields;
        var rows = records.Skip(1).ToList();
        if (rows.FirstOrDefault(r => r.Fields.Count != header.Count) is { } ragged)
        {
            throw new AccessImportException($"{name} line {ragged.Line}: {ragged.Fields.Count} fields where the header has {header.Count}");
        }

        return new CsvTable(name, header, rows);

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;

            // A blank line (the usual one at the end) is no record.
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add(new CsvRow(recordLine, fields.ToArray()));
            }

            fields.Clear();
        }
    }
}

/// <summary>One record of a CSV file and the line it starts on.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
