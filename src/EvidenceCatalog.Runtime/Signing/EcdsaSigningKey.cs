using System;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// An ECDSA P-256 private key signing with SHA-256 (ES256). Signature values are IEEE P1363 r||s, 64 bytes. The key id is
/// the RFC 7638 JWK thumbprint of the public key: SHA-256 over <c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>, base64url
/// without padding, so anyone holding the public key can compute it.
/// </summary>
public sealed class EcdsaSigningKey : SigningKey
{
    private readonly ECDsa key;

    internal EcdsaSigningKey(ECDsa key)
    {
        this.key = key;
        KeyId = JwkThumbprint.Compute(key);
    }

    public override string Algorithm => SignatureAlgorithms.Es256;

    public override string KeyId { get; }

    /// <summary>
    /// Reads the private key from a PEM file: <c>-----BEGIN PRIVATE KEY-----</c> (PKCS#8, unencrypted) or
    /// <c>-----BEGIN EC PRIVATE KEY-----</c> (SEC1, as <c>openssl ecparam -genkey</c> writes it).
    /// </summary>
    /// <exception cref="SigningKeyException">The file is missing or unreadable, holds no such key, or a key on a curve other than P-256.</exception>
    public static EcdsaSigningKey FromPemFile(string path) =>
        EcdsaPem.ReadPrivateKey(KeyFile.ReadText(path, "private key"), "private key file '" + path + "'");

    /// <summary>Reads the private key from PEM text, as <see cref="FromPemFile"/> does.</summary>
    /// <exception cref="SigningKeyException">The text holds no such key, or a key on a curve other than P-256.</exception>
    public static EcdsaSigningKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return EcdsaPem.ReadPrivateKey(pem, "the private key PEM");
    }

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), to hand to auditors.</summary>
    public string ExportPublicKeyPem() => key.ExportSubjectPublicKeyInfoPem();

    public override VerificationKey ToVerificationKey()
    {
        var publicKey = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
        return new EcdsaVerificationKey(publicKey);
    }

    internal override IncrementalHash CreateHash() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    internal override byte[] Sign(IncrementalHash hash) =>
        key.SignHash(hash.GetHashAndReset(), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    internal override byte[] SignForEnvelope(IncrementalHash hash) =>
        key.SignHash(hash.GetHashAndReset(), DSASignatureFormat.Rfc3279DerSequence);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            key.Dispose();
        }

        base.Dispose(disposing);
    }
}
