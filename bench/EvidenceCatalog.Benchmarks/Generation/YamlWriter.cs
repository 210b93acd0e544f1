using System;
using System.Collections.Generic;
using System.Text;

namespace EvidenceCatalog.Benchmarks.Generation;

/// <summary>Writes the small block-style YAML the catalogs use. Every scalar is checked to be safe unquoted, so the output parses as written.</summary>
internal sealed class YamlWriter
{
    private readonly StringBuilder text = new();

    public YamlWriter(string schemaPath, string kind)
    {
        text.Append("# yaml-language-server: $schema=").Append(schemaPath).Append('\n');
        text.Append("kind: ").Append(Plain(kind)).Append('\n');
    }

    public YamlWriter Line(string line)
    {
        text.Append(line).Append('\n');
        return this;
    }

    public YamlWriter Field(int indent, string key, string value) => Line(new string(' ', indent) + key + ": " + Plain(value));

    public YamlWriter Item(int indent, string value) => Line(new string(' ', indent) + "- " + Plain(value));

    public YamlWriter FlowList(int indent, string key, IEnumerable<string> values) =>
        Line(new string(' ', indent) + key + ": [" + string.Join(", ", Flow(values)) + "]");

    public override string ToString() => text.ToString();

    /// <summary>The value, if it reads back as the same string when unquoted in block context.</summary>
    public static string Plain(string value)
    {
        if (value.Length == 0 || value.Trim() != value || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
            || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal) || value.EndsWith(':'))
        {
            throw new ArgumentException("'" + value + "' is not safe as a plain YAML scalar", nameof(value));
        }

        return value;
    }

    private static IEnumerable<string> Flow(IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            if (value.AsSpan().IndexOfAny(",[]{}") >= 0)
            {
                throw new ArgumentException("'" + value + "' is not safe in a flow sequence", nameof(values));
            }

            yield return Plain(value);
        }
    }
}
