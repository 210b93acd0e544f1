using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EvidenceCatalog.Model;

/// <summary>
/// Writes a JSON value in the canonical form of RFC 8785 for the values a catalog holds: objects
/// (<see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to value), arrays (<see cref="IEnumerable{T}"/> of values),
/// strings, integers, booleans and null. Members are sorted by UTF-16 code units; no whitespace; minimal escaping.
/// </summary>
public static class CanonicalJson
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Write(value, builder);
        return builder.ToString();
    }

    private static void Write(object? value, StringBuilder output)
    {
        switch (value)
        {
            case null:
                output.Append("null");
                break;
            case string text:
                WriteString(text, output);
                break;
            case bool flag:
                output.Append(flag ? "true" : "false");
                break;
            case int or long:
                output.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case IReadOnlyDictionary<string, object?> members:
                output.Append('{');
                bool first = true;
                foreach (var member in members.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    first = false;
                    WriteString(member.Key, output);
                    output.Append(':');
                    Write(member.Value, output);
                }

                output.Append('}');
                break;
            case System.Collections.IEnumerable items:
                output.Append('[');
                bool firstItem = true;
                foreach (object? item in items)
                {
                    if (!firstItem)
                    {
                        output.Append(',');
                    }

                    firstItem = false;
                    Write(item, output);
                }

                output.Append(']');
                break;
            default:
                throw new NotSupportedException("The catalog model holds no " + value.GetType().Name + " values.");
        }
    }

    private static void WriteString(string value, StringBuilder output)
    {
        output.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}
