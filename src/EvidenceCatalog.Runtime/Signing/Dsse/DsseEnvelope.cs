using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Signing.Dsse;

/// <summary>
/// A DSSE JSON envelope (envelope.md of github.com/secure-systems-lab/dsse): <c>payloadType</c>, <c>payload</c> (base64)
/// and <c>signatures</c>, each a <c>keyid</c> and a <c>sig</c> (base64) over <see cref="DssePreAuthentication"/> of the
/// type and the payload. The key id is the one the report signatures carry (the JWK thumbprint for ES256, <c>hmac-…</c>
/// for HMAC-SHA256); ES256 values are DER, HMAC values the 32-byte MAC.
/// </summary>
public sealed record DsseEnvelope(string PayloadType, byte[] Payload, IReadOnlyList<DsseSignature> Signatures)
{
    /// <summary>The payload type of an in-toto Statement.</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>Relaxed escaping: '+' and '/' of base64 and of the payload type are written as they are, for shell tools to read.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Signs <paramref name="payload"/> as <paramref name="payloadType"/> with every key, one signature each.</summary>
    public static DsseEnvelope Sign(string payloadType, ReadOnlySpan<byte> payload, IReadOnlyList<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one signing key is needed.", nameof(keys));
        }

        byte[] pae = DssePreAuthentication.Encode(payloadType, payload);
        var signatures = keys.Select(key =>
        {
            using var hash = key.CreateHash();
            hash.AppendData(pae);
            return new DsseSignature(key.KeyId, key.SignForEnvelope(hash));
        }).ToArray();
        return new DsseEnvelope(payloadType, payload.ToArray(), signatures);
    }

    /// <summary>
    /// The envelope, indented, UTF-8, ending in a newline: each member on a line of its own, so that a shell can take
    /// the payload and each signature out with <c>sed</c> (docs/verifying.md).
    /// </summary>
    public byte[] ToJson()
    {
        var output = new ArrayBufferWriter<byte>(Payload.Length * 4 / 3 + 1024);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("payloadType", PayloadType);
            writer.WriteString("payload", Convert.ToBase64String(Payload));
            writer.WriteStartArray("signatures");
            foreach (var signature in Signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyid", signature.KeyId);
                writer.WriteString("sig", Convert.ToBase64String(signature.Value));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads an envelope; null, with the reason, when it is not one (base64 standard or URL-safe, as DSSE allows).</summary>
    public static DsseEnvelope? TryParse(ReadOnlySpan<byte> json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "it is not a JSON object";
                return null;
            }

            if (String(root, "payloadType") is not { } payloadType)
            {
                problem = "it has no string member 'payloadType'";
                return null;
            }

            if (String(root, "payload") is not { } payloadText || Base64(payloadText) is not { } payload)
            {
                problem = "its 'payload' is missing or not base64";
                return null;
            }

            if (!root.TryGetProperty("signatures", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                problem = "it has no 'signatures' array";
                return null;
            }

            var signatures = new List<DsseSignature>();
            int index = 0;
            foreach (var item in array.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object || String(item, "sig") is not { } sigText)
                {
                    problem = "signature " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not an object with a string member 'sig'";
                    return null;
                }

                if (Base64(sigText) is not { } value)
                {
                    problem = "signature " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " has a 'sig' that is not base64";
                    return null;
                }

                signatures.Add(new DsseSignature(String(item, "keyid") ?? string.Empty, value));
            }

            problem = null;
            return new DsseEnvelope(payloadType, payload, signatures);
        }
        catch (JsonException exception)
        {
            problem = "it is not valid JSON: " + exception.Message;
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static byte[]? Base64(string text)
    {
        string standard = text.Replace('-', '+').Replace('_', '/');
        if (standard.Length % 4 != 0)
        {
            standard = standard.PadRight(standard.Length + (4 - (standard.Length % 4)), '=');
        }

        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>One signature of a <see cref="DsseEnvelope"/>: the key id (a hint, never trusted on its own) and the value.</summary>
public sealed record DsseSignature(string KeyId, byte[] Value)
{
    /// <summary>The algorithm a key id names: <c>hmac-…</c> is HMAC-SHA256, any other id an ES256 JWK thumbprint.</summary>
    public string Algorithm => KeyId.StartsWith("hmac-", StringComparison.Ordinal) ? SignatureAlgorithms.HmacSha256 : SignatureAlgorithms.Es256;
}
