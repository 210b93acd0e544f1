using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// Recognises an asymmetric key (or certificate) offered where an HMAC secret is expected. Taken as a secret, a public
/// key would let anyone who has it — every auditor — forge HMAC signatures; so such bytes are never an HMAC key.
/// </summary>
internal static class AsymmetricKeyFile
{
    private static ReadOnlySpan<byte> PemBegin => "-----BEGIN "u8;

    /// <summary>What <paramref name="bytes"/> hold (<c>a PEM -----BEGIN PUBLIC KEY-----</c>, <c>a DER public key</c>), or null when they are no such key.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        int begin = bytes.IndexOf(PemBegin);
        if (begin >= 0)
        {
            var rest = bytes[(begin + PemBegin.Length)..];
            int end = rest.IndexOf("-----"u8);
            return end is > 0 and <= 64 && Ascii.IsValid(rest[..end])
                ? "a PEM " + Encoding.ASCII.GetString(bytes.Slice(begin, PemBegin.Length + end + 5))
                : "PEM data (-----BEGIN …)";
        }

        return IsDerPublicKey(bytes) ? "a DER-encoded public key (SubjectPublicKeyInfo)" : null;
    }

    private static bool IsDerPublicKey(ReadOnlySpan<byte> bytes)
    {
        // A SubjectPublicKeyInfo starts with a SEQUENCE tag; random secret bytes parse as one with negligible odds.
        if (bytes.IsEmpty || bytes[0] != 0x30)
        {
            return false;
        }

        try
        {
            _ = PublicKey.CreateFromSubjectPublicKeyInfo(bytes, out int read);
            return read == bytes.Length;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
