using System;
using System.Text;
using System.Text.Json;

namespace EvidenceCatalog.Synthetic;

/// <summary>Pre-encoded pieces of a JSON line, escaped once when the generator is built so the hot path only copies bytes.</summary>
internal static class JsonBytes
{
    /// <summary><c>,"name":"value"</c> with the value escaped as a JSON string.</summary>
    public static byte[] Property(string name, string value) => Concat(",\"" + name + "\":\"", Escaped(value), "\"");

    /// <summary>A string's JSON escaping as UTF-8, without quotes.</summary>
    public static byte[] Escaped(string value) => JsonEncodedText.Encode(value).EncodedUtf8Bytes.ToArray();

    public static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(string head, ReadOnlySpan<byte> middle, string tail)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(head) + middle.Length + Encoding.UTF8.GetByteCount(tail)];
        int written = Encoding.UTF8.GetBytes(head, bytes);
        middle.CopyTo(bytes.AsSpan(written));
        Encoding.UTF8.GetBytes(tail, bytes.AsSpan(written + middle.Length));
        return bytes;
    }
}
