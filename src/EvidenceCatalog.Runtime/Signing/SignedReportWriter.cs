using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// Re-writes a report in the layout of <see cref="System.Text.Json.Utf8JsonWriter"/> with <c>Indented</c> (two spaces, LF,
/// <c>"name": value</c>, empty containers as <c>{}</c> and <c>[]</c>), members in their original order, without its old
/// <c>signatures</c> member and with the new one last. Names, strings and numbers are copied as written, escapes
/// included: already checked by the canonical pass, and a faithful copy is both safer and faster than re-encoding.
/// </summary>
internal sealed class SignedReportWriter
{
    /// <summary>A newline and the spaces of the deepest level, sliced for each line.</summary>
    private static readonly byte[] NewLineAndIndent = [(byte)'\n', .. Enumerable.Repeat((byte)' ', 2 * (JsonTokenTable.MaxDepth + 2))];

    /// <summary>Null while measuring: the first pass only counts, so that the second fills an array of the exact size, never copied.</summary>
    private byte[]? buffer;
    private int length;

    /// <summary>Writes the report, UTF-8, ending in a newline.</summary>
    public static byte[] Write(ReadOnlySpan<byte> json, JsonTokenTable tokens, IReadOnlyList<SignatureEntry> signatures)
    {
        var measure = new SignedReportWriter();
        measure.WriteReport(json, tokens, signatures);

        var writer = new SignedReportWriter { buffer = GC.AllocateUninitializedArray<byte>(measure.length) };
        writer.WriteReport(json, tokens, signatures);
        return writer.buffer;
    }

    private void WriteReport(ReadOnlySpan<byte> json, JsonTokenTable tokens, IReadOnlyList<SignatureEntry> signatures)
    {
        Append((byte)'{');
        for (int name = 1; name < tokens[0].Extent; name = tokens.NextSibling(name + 1))
        {
            if (!JsonStringText.NameEquals(json, tokens[name], ReportSigner.SignaturesMemberUtf8))
            {
                WriteMember(json, tokens, name, level: 1);
                Append((byte)',');
            }
        }

        NewLine(1);
        Append("\"signatures\": ["u8);
        for (int index = 0; index < signatures.Count; index++)
        {
            if (index > 0)
            {
                Append((byte)',');
            }

            NewLine(2);
            Append((byte)'{');
            WriteStringMember("algorithm"u8, signatures[index].Algorithm, level: 3);
            Append((byte)',');
            WriteStringMember("keyId"u8, signatures[index].KeyId, level: 3);
            Append((byte)',');
            WriteStringMember("value"u8, signatures[index].Value, level: 3);
            NewLine(2);
            Append((byte)'}');
        }

        if (signatures.Count > 0)
        {
            NewLine(1);
        }

        Append((byte)']');
        Append("\n}\n"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteValue(ReadOnlySpan<byte> json, JsonTokenTable tokens, int index, int level)
    {
        ref readonly JsonToken token = ref tokens[index];
        switch (token.Kind)
        {
            case JsonTokenKind.Object:
            case JsonTokenKind.Array:
                bool isObject = token.Kind == JsonTokenKind.Object;
                Append(isObject ? (byte)'{' : (byte)'[');
                for (int item = index + 1; item < token.Extent;)
                {
                    if (item != index + 1)
                    {
                        Append((byte)',');
                    }

                    if (isObject)
                    {
                        WriteMember(json, tokens, item, level + 1);
                        item = tokens.NextSibling(item + 1);
                    }
                    else
                    {
                        NewLine(level + 1);
                        WriteValue(json, tokens, item, level + 1);
                        item = tokens.NextSibling(item);
                    }
                }

                if (token.Extent != index + 1)
                {
                    NewLine(level);
                }

                Append(isObject ? (byte)'}' : (byte)']');
                break;
            case JsonTokenKind.String:
                Append((byte)'"');
                Append(tokens.Raw(json, index));
                Append((byte)'"');
                break;
            default:
                Append(tokens.Raw(json, index));
                break;
        }
    }

    private void WriteMember(ReadOnlySpan<byte> json, JsonTokenTable tokens, int name, int level)
    {
        NewLine(level);
        Append((byte)'"');
        Append(tokens.Raw(json, name));
        Append("\": "u8);
        WriteValue(json, tokens, name + 1, level);
    }

    private void WriteStringMember(ReadOnlySpan<byte> name, string value, int level)
    {
        NewLine(level);
        Append((byte)'"');
        Append(name);
        Append("\": "u8);
        byte[] text = Encoding.UTF8.GetBytes(value);
        Span<byte> canonical = new byte[JsonStringText.MaxCanonicalLength(text.Length)];
        Append(canonical[..JsonStringText.WriteCanonical(text, canonical)]);
    }

    private void NewLine(int level) => Append(NewLineAndIndent.AsSpan(0, 1 + (2 * level)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(byte value)
    {
        if (buffer is not null)
        {
            buffer[length] = value;
        }

        length++;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (buffer is not null)
        {
            bytes.CopyTo(buffer.AsSpan(length));
        }

        length += bytes.Length;
    }
}
