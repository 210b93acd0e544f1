using System;
using System.Collections.Generic;
using System.IO;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>
/// Reads a GITHUB_OUTPUT file as the runner does: <c>name=value</c> lines, and <c>name&lt;&lt;DELIMITER</c> followed by
/// the value's lines up to a line that is exactly the delimiter.
/// </summary>
internal static class WorkflowCommandFile
{
    public static IReadOnlyDictionary<string, string> ReadOutputs(string path)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = File.ReadAllText(path).Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index];
            if (line.Length == 0)
            {
                continue;
            }

            int heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                string name = line[..heredoc];
                string delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (index++; index < lines.Length && lines[index] != delimiter; index++)
                {
                    value.Add(lines[index]);
                }

                if (index == lines.Length)
                {
                    throw new InvalidDataException($"{path}: output '{name}' has no closing delimiter '{delimiter}'");
                }

                outputs[name] = string.Join('\n', value);
            }
            else if (equals > 0)
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
            else
            {
                throw new InvalidDataException($"{path}: line '{line}' is neither name=value nor name<<DELIMITER");
            }
        }

        return outputs;
    }
}
