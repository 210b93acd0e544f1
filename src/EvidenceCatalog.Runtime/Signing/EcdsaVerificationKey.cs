using System.Globalization;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>An ECDSA P-256 public key checking ES256 signatures in IEEE P1363 form.</summary>
internal sealed class EcdsaVerificationKey : VerificationKey
{
    /// <summary>r and s, 32 bytes each.</summary>
    public const int SignatureLength = 64;

    private readonly ECDsa key;

    public EcdsaVerificationKey(ECDsa key)
    {
        this.key = key;
        KeyId = JwkThumbprint.Compute(key);
    }

    public override string Algorithm => SignatureAlgorithms.Es256;

    public override string KeyId { get; }

    /// <summary>openssl writes DER, so that is what people hand us by mistake: say so, and how to convert it.</summary>
    internal const string DerReason =
        "the ES256 signature is DER-encoded (an ASN.1 SEQUENCE of r and s, as 'openssl dgst -sign' writes it); "
        + "it must be IEEE P1363 r||s, 64 bytes: take r and s from 'openssl asn1parse -inform DER', left-pad each to 32 bytes and concatenate";

    internal override IncrementalHash CreateHash() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    internal override string? CheckFormat(byte[] signature)
    {
        if (signature.Length == SignatureLength)
        {
            return null;
        }

        return DerSignature.IsDer(signature)
            ? DerReason
            : "the ES256 signature is " + signature.Length.ToString(CultureInfo.InvariantCulture) + " bytes; it must be 64 (r||s, IEEE P1363)";
    }

    internal override bool Verify(IncrementalHash hash, byte[] signature) =>
        key.VerifyHash(hash.GetHashAndReset(), signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    internal override string? CheckEnvelopeFormat(byte[] signature)
    {
        if (DerSignature.IsDer(signature))
        {
            return null;
        }

        return signature.Length == SignatureLength
            ? "the ES256 signature is 64 bytes, IEEE P1363 r||s; a DSSE envelope holds it DER-encoded (an ASN.1 SEQUENCE of r and s, as 'openssl dgst -sign' writes it)"
            : "the ES256 signature is " + signature.Length.ToString(CultureInfo.InvariantCulture) + " bytes and not DER; a DSSE envelope holds it DER-encoded (an ASN.1 SEQUENCE of r and s)";
    }

    internal override bool VerifyEnvelope(IncrementalHash hash, byte[] signature) =>
        key.VerifyHash(hash.GetHashAndReset(), signature, DSASignatureFormat.Rfc3279DerSequence);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            key.Dispose();
        }

        base.Dispose(disposing);
    }
}
