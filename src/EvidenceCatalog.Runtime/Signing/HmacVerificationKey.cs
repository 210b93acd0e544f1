using System.Globalization;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>The HMAC-SHA256 secret, checking a MAC in constant time.</summary>
internal sealed class HmacVerificationKey(byte[] key, string keyId) : VerificationKey
{
    public override string Algorithm => SignatureAlgorithms.HmacSha256;

    public override string KeyId => keyId;

    internal override IncrementalHash CreateHash() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    internal override string? CheckFormat(byte[] signature) =>
        signature.Length == HMACSHA256.HashSizeInBytes
            ? null
            : "the HMAC-SHA256 signature is " + signature.Length.ToString(CultureInfo.InvariantCulture) + " bytes; it must be 32";

    internal override bool Verify(IncrementalHash hash, byte[] signature) =>
        CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), signature);

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(key);
        base.Dispose(disposing);
    }
}
