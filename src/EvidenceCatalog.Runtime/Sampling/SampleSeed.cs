using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// The seed of a control's sample, derived from its population and nothing that changes from run to run: SHA-256 over
/// the RFC 8785 canonical form of the JSON array
/// <c>[method, account, control id, window from, window to, window time zone, population size, population digest]</c>
/// (the digest as 32 hex digits). Each candidate's rank is SHA-256 over the seed's 32 bytes followed by the UTF-8 bytes
/// of its id: the same population always gives the same ranks, and a changed population other ones.
/// </summary>
internal static class SampleSeed
{
    /// <summary>The name and version of the selection rule, the first element of every seed's array.</summary>
    public const string Method = "evidence-sample/1";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text the seed is the SHA-256 of (UTF-8).</summary>
    public static byte[] Preimage(string account, string control, string from, string to, string timeZone, long populationSize, string populationDigest)
    {
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json, Writer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(Method);
            writer.WriteStringValue(account);
            writer.WriteStringValue(control);
            writer.WriteStringValue(from);
            writer.WriteStringValue(to);
            writer.WriteStringValue(timeZone);
            writer.WriteNumberValue(populationSize);
            writer.WriteStringValue(populationDigest);
            writer.WriteEndArray();
        }

        return JsonCanonicalizer.Canonicalize(json.WrittenSpan);
    }

    public static byte[] Of(string account, string control, string from, string to, string timeZone, long populationSize, string populationDigest) =>
        SHA256.HashData(Preimage(account, control, from, to, timeZone, populationSize, populationDigest));

    /// <summary>SHA-256(seed ‖ UTF-8 id): the lower, the earlier a candidate is drawn.</summary>
    public static byte[] Rank(ReadOnlySpan<byte> seed, string id)
    {
        byte[] input = new byte[seed.Length + Encoding.UTF8.GetByteCount(id)];
        seed.CopyTo(input);
        Encoding.UTF8.GetBytes(id, input.AsSpan(seed.Length));
        return SHA256.HashData(input);
    }
}
