using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): the same bytes for the same JSON data, whatever the member order,
/// whitespace or escaping of the input. Members are sorted by their UTF-16 code units; strings are written with the
/// minimal escapes (\b \t \n \f \r \" \\ and \u00xx for other controls, nothing else); numbers as ECMAScript prints
/// the IEEE 754 double they denote. Duplicate member names, lone surrogate escapes and invalid UTF-8 are refused.
/// </summary>
/// <remarks>
/// The input is parsed once into a table of offsets and written straight to the output in chunks: no DOM, and no
/// string per value (only escaped strings and names are decoded, into pooled buffers).
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>The canonical form of a UTF-8 JSON text.</summary>
    /// <exception cref="CanonicalJsonException">The text is not JSON, or has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json) => Canonicalize(json, CanonicalJsonOptions.Default);

    /// <summary>The canonical form of a UTF-8 JSON text, under <paramref name="options"/>.</summary>
    /// <exception cref="CanonicalJsonException">The text is not JSON, has no canonical form, or breaks the options.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json, CanonicalJsonOptions options)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 256);
        Canonicalize(json, output, options);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical form of a UTF-8 JSON text to <paramref name="output"/>.</summary>
    /// <exception cref="CanonicalJsonException">The text is not JSON, has no canonical form, or breaks the options; some output may have been written.</exception>
    public static void Canonicalize(ReadOnlySpan<byte> json, IBufferWriter<byte> output, CanonicalJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Write(json, JsonTokenTable.Parse(json), output, options ?? CanonicalJsonOptions.Default);
    }

    /// <summary>Writes the canonical form of a UTF-8 JSON text to <paramref name="output"/>.</summary>
    /// <exception cref="CanonicalJsonException">The text is not JSON, has no canonical form, or breaks the options; some output may have been written.</exception>
    public static void Canonicalize(ReadOnlySpan<byte> json, Stream output, CanonicalJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamBufferWriter(output);
        Canonicalize(json, writer, options);
    }

    /// <summary>The canonical form of a parsed JSON value (read from its original text, so numbers keep their full precision).</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form, or breaks the options.</exception>
    public static byte[] Canonicalize(JsonElement element, CanonicalJsonOptions? options = null) =>
        Canonicalize(JsonMarshal.GetRawUtf8Value(element), options ?? CanonicalJsonOptions.Default);

    /// <summary>Writes the canonical form of text already parsed into <paramref name="tokens"/>, so that callers parse once.</summary>
    internal static void Write(ReadOnlySpan<byte> json, JsonTokenTable tokens, IBufferWriter<byte> output, CanonicalJsonOptions options)
    {
        var emitter = new CanonicalEmitter(json, tokens, output, options);
        emitter.WriteDocument();
    }
}
