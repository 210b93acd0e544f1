using System;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// A key that signs reports and files: <see cref="HmacSigningKey"/> (HMAC-SHA256, shared secret) or
/// <see cref="EcdsaSigningKey"/> (ES256, private key). Data is fed to a hash the key creates, so that a
/// 100 MB report or export is signed while it streams, without being held twice.
/// </summary>
public abstract class SigningKey : SignatureKey
{
    private protected SigningKey()
    {
    }

    /// <summary>The key that verifies this key's signatures (for HMAC, the same secret).</summary>
    public abstract VerificationKey ToVerificationKey();

    /// <summary>Signs <paramref name="data"/> as it is, byte for byte.</summary>
    public byte[] SignData(ReadOnlySpan<byte> data)
    {
        using var hash = CreateHash();
        hash.AppendData(data);
        return Sign(hash);
    }

    /// <summary>Finishes <paramref name="hash"/> (made by <see cref="SignatureKey.CreateHash"/>) and returns the signature value.</summary>
    internal abstract byte[] Sign(IncrementalHash hash);

    /// <summary>
    /// As <see cref="Sign(IncrementalHash)"/>, in the form a DSSE envelope holds: for ES256 DER (RFC 3279, as OpenSSL and
    /// Sigstore write and read it), for HMAC the MAC itself.
    /// </summary>
    internal virtual byte[] SignForEnvelope(IncrementalHash hash) => Sign(hash);
}
