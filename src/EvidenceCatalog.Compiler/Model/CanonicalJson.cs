using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EvidenceCatalog.Compiler.Model;

/// <summary>
/// Writes a JSON tree in the canonical form of RFC 8785 for the values a catalog holds (strings, integers,
/// booleans, null, arrays, objects): object members sorted by UTF-16 code units, no whitespace, minimal escaping.
/// </summary>
public static class CanonicalJson
{
    public static string Write(JToken token)
    {
        var builder = new StringBuilder();
        Write(token, builder);
        return builder.ToString();
    }

    private static void Write(JToken token, StringBuilder output)
    {
        if (token is JValue { Value: null })
        {
            output.Append("null");
            return;
        }

        switch (token.Type)
        {
            case JTokenType.Object:
                output.Append('{');
                bool first = true;
                foreach (var property in ((JObject)token).Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    first = false;
                    WriteString(property.Name, output);
                    output.Append(':');
                    Write(property.Value, output);
                }

                output.Append('}');
                break;
            case JTokenType.Array:
                output.Append('[');
                bool firstItem = true;
                foreach (var item in (JArray)token)
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
            case JTokenType.String:
                WriteString((string)token!, output);
                break;
            case JTokenType.Integer:
                output.Append(((long)token).ToString(CultureInfo.InvariantCulture));
                break;
            case JTokenType.Boolean:
                output.Append((bool)token ? "true" : "false");
                break;
            case JTokenType.Null:
                output.Append("null");
                break;
            default:
                throw new NotSupportedException("The catalog model holds no " + token.Type + " values.");
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
