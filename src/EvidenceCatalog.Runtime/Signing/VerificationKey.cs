using System;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// A key that checks signatures: an ECDSA P-256 public key (ES256, no secret needed) or the HMAC secret (HMAC-SHA256).
/// </summary>
public abstract class VerificationKey : SignatureKey
{
    private protected VerificationKey()
    {
    }

    /// <summary>Reads an ECDSA P-256 public key from a PEM file (<c>-----BEGIN PUBLIC KEY-----</c>, SubjectPublicKeyInfo).</summary>
    /// <exception cref="SigningKeyException">The file is missing or unreadable, holds no public key, a private key, or a key on another curve.</exception>
    public static VerificationKey FromPublicKeyPemFile(string path) =>
        EcdsaPem.ReadPublicKey(KeyFile.ReadText(path, "public key"), "public key file '" + path + "'");

    /// <summary>Reads an ECDSA P-256 public key from PEM text (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    /// <exception cref="SigningKeyException">The text holds no public key, a private key, or a key on another curve.</exception>
    public static VerificationKey FromPublicKeyPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return EcdsaPem.ReadPublicKey(pem, "the public key PEM");
    }

    /// <summary>The HMAC-SHA256 secret from a file, as <see cref="HmacSigningKey.FromFile"/> reads it (the file's exact bytes).</summary>
    /// <exception cref="SigningKeyException">The file is missing or unreadable, or the key is shorter than 32 bytes.</exception>
    public static VerificationKey FromHmacKeyFile(string path)
    {
        using var key = HmacSigningKey.FromFile(path);
        return key.ToVerificationKey();
    }

    /// <summary>The HMAC-SHA256 secret from an environment variable holding its base64, as <see cref="HmacSigningKey.FromEnvironment"/> reads it.</summary>
    /// <exception cref="SigningKeyException">The variable is not set, not base64, or the key is shorter than 32 bytes.</exception>
    public static VerificationKey FromHmacKeyEnvironment(string variable)
    {
        using var key = HmacSigningKey.FromEnvironment(variable);
        return key.ToVerificationKey();
    }

    /// <summary>The HMAC-SHA256 secret itself.</summary>
    /// <exception cref="SigningKeyException">The key is shorter than 32 bytes.</exception>
    public static VerificationKey FromHmacKey(ReadOnlySpan<byte> key)
    {
        using var signingKey = HmacSigningKey.FromBytes(key);
        return signingKey.ToVerificationKey();
    }

    /// <summary>Why <paramref name="signature"/> cannot be a signature of this algorithm (its length, its encoding), or null.</summary>
    internal abstract string? CheckFormat(byte[] signature);

    /// <summary>Finishes <paramref name="hash"/> and checks <paramref name="signature"/> against it.</summary>
    internal abstract bool Verify(IncrementalHash hash, byte[] signature);

    /// <summary>Why <paramref name="signature"/> cannot be a signature of this algorithm in a DSSE envelope, or null.</summary>
    internal virtual string? CheckEnvelopeFormat(byte[] signature) => CheckFormat(signature);

    /// <summary>As <see cref="Verify(IncrementalHash, byte[])"/>, for the form a DSSE envelope holds (see <see cref="SigningKey.SignForEnvelope"/>).</summary>
    internal virtual bool VerifyEnvelope(IncrementalHash hash, byte[] signature) => Verify(hash, signature);
}
