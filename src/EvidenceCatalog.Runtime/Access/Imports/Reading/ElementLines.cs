using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Access.Imports.Reading;

/// <summary>
/// The line each element of one array starts on, so that a message can say "line 214" of a 5,000-user export:
/// <see cref="JsonDocument"/> keeps no positions, so the bytes are scanned once more with a reader.
/// </summary>
internal static class ElementLines
{
    /// <summary>The 1-based lines of the elements of the array at <paramref name="path"/> (member names from the root; none for a root array).</summary>
    public static IReadOnlyList<int> Of(ReadOnlySpan<byte> json, params string[] path)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });

        // Per open container: how many path members it matches (-1: off the path), and whether it is the target array.
        var depthOnPath = new Stack<int>();
        var isTarget = new Stack<bool>();
        string? member = null;
        int line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                member = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depthOnPath.Pop();
                isTarget.Pop();
                continue;
            }

            if (isTarget.Count > 0 && isTarget.Peek())
            {
                line += Newlines(json[(int)counted..(int)reader.TokenStartIndex]);
                counted = reader.TokenStartIndex;
                lines.Add(line);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                int matched = depthOnPath.Count == 0 ? 0
                    : depthOnPath.Peek() >= 0 && depthOnPath.Peek() < path.Length && member == path[depthOnPath.Peek()] ? depthOnPath.Peek() + 1
                    : -1;
                depthOnPath.Push(matched);
                isTarget.Push(reader.TokenType == JsonTokenType.StartArray && matched == path.Length);
            }

            member = null;
        }

        return lines;
    }

    private static int Newlines(ReadOnlySpan<byte> bytes)
    {
        int count = 0;
        foreach (byte b in bytes)
        {
            count += b == (byte)'\n' ? 1 : 0;
        }

        return count;
    }
}
