namespace EvidenceCatalog.Runtime.Signing;

/// <summary>The answer of a verification: the outcome, which signature it concerns, and a one-line reason.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Reason">One line saying what failed (or <c>signature verified</c>), for a person to read.</param>
/// <param name="Algorithm">The algorithm of the signature checked, or of the key when no signature was found.</param>
/// <param name="KeyId">The key id of the signature checked, or of the key when no signature was found.</param>
public sealed record VerificationResult(VerificationOutcome Outcome, string Reason, string Algorithm, string KeyId)
{
    /// <summary>A signature by the key matches the data.</summary>
    public bool IsIntact => Outcome == VerificationOutcome.Intact;

    internal static VerificationResult Failed(VerificationKey key, string reason) =>
        new(VerificationOutcome.Failed, reason, key.Algorithm, key.KeyId);

    internal static VerificationResult NotSigned(VerificationKey key, string reason) =>
        new(VerificationOutcome.NotSigned, reason, key.Algorithm, key.KeyId);

    internal static VerificationResult Unreadable(VerificationKey key, string reason) =>
        new(VerificationOutcome.Unreadable, reason, key.Algorithm, key.KeyId);
}
