using System;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>What signing and verification keys share: an algorithm, an id, and the hash that the signed bytes go through.</summary>
public abstract class SignatureKey : IDisposable
{
    private protected SignatureKey()
    {
    }

    /// <summary><see cref="SignatureAlgorithms.HmacSha256"/> or <see cref="SignatureAlgorithms.Es256"/>.</summary>
    public abstract string Algorithm { get; }

    /// <summary>
    /// The key's id, written next to each signature so that a verifier can tell which key it needs: for HMAC see
    /// <see cref="HmacSigningKey.ComputeKeyId"/>, for ES256 the RFC 7638 thumbprint of the public key.
    /// </summary>
    public abstract string KeyId { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh hash to feed the signed bytes into: HMAC-SHA256 under the key, or SHA-256 for ECDSA.</summary>
    internal abstract IncrementalHash CreateHash();

    protected virtual void Dispose(bool disposing)
    {
    }
}
