using System;
using System.Linq;

namespace EvidenceCatalog.Runtime.Signing.Dsse;

/// <summary>
/// Checks a <see cref="DsseEnvelope"/> against one key: the signature whose key id is the key's is verified over the
/// pre-authentication encoding of the payload type and payload; the key id only chooses, the signature decides.
/// </summary>
public static class DsseVerifier
{
    /// <summary>The reason given when the signed bytes differ from what was signed.</summary>
    public const string MismatchReason = "the envelope's signature does not match: its payload or payload type was changed after signing, or it was signed with another key";

    /// <summary>Verifies <paramref name="envelope"/> with <paramref name="key"/>; never throws for a bad envelope.</summary>
    public static VerificationResult Verify(DsseEnvelope envelope, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(key);
        if (envelope.Signatures.Count == 0)
        {
            return VerificationResult.NotSigned(key, "the envelope has no signatures");
        }

        var chosen = envelope.Signatures.FirstOrDefault(s => string.Equals(s.KeyId, key.KeyId, StringComparison.Ordinal));
        if (chosen is null)
        {
            return VerificationResult.Failed(key, Refusal(envelope, key));
        }

        if (key.CheckEnvelopeFormat(chosen.Value) is { } formatProblem)
        {
            return new VerificationResult(VerificationOutcome.Failed, formatProblem, chosen.Algorithm, chosen.KeyId);
        }

        using var hash = key.CreateHash();
        hash.AppendData(DssePreAuthentication.Encode(envelope.PayloadType, envelope.Payload));
        return key.VerifyEnvelope(hash, chosen.Value)
            ? new VerificationResult(VerificationOutcome.Intact, "signature verified", chosen.Algorithm, chosen.KeyId)
            : new VerificationResult(VerificationOutcome.Failed, MismatchReason, chosen.Algorithm, chosen.KeyId);
    }

    private static string Refusal(DsseEnvelope envelope, VerificationKey key)
    {
        string held = string.Join(", ", envelope.Signatures.Select(s => s.Algorithm + " key " + s.KeyId));
        bool sameAlgorithm = envelope.Signatures.Any(s => s.Algorithm == key.Algorithm);
        if (sameAlgorithm)
        {
            return "the envelope is signed with " + held + ", but the key given is " + key.KeyId;
        }

        return key.Algorithm == SignatureAlgorithms.Es256
            ? "the envelope is signed only with " + held + ": a public key cannot check an HMAC, which needs the organisation's shared secret"
            : "the envelope is signed only with " + held + ": check it with the organisation's ES256 public key, not an HMAC secret";
    }
}
