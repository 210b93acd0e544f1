using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// Verifies a report signed by <see cref="ReportSigner"/> against one key, and says exactly what failed: no signatures,
/// none by this algorithm or key id, a value that is not base64 or has the wrong form, or a mismatch.
/// </summary>
public static class ReportVerifier
{
    /// <summary>The reason given when the bytes differ from what was signed.</summary>
    public const string MismatchReason = "signature does not match: the report was changed after signing, or signed with another key";

    /// <summary>Checks the report's signature by <paramref name="key"/>. Never throws for bad input: the result says what is wrong.</summary>
    public static VerificationResult Verify(ReadOnlySpan<byte> reportJson, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        JsonTokenTable tokens;
        try
        {
            tokens = JsonTokenTable.Parse(reportJson);
        }
        catch (CanonicalJsonException exception)
        {
            return VerificationResult.Unreadable(key, "the report is unreadable: " + exception.Message);
        }

        if (tokens[0].Kind != JsonTokenKind.Object)
        {
            return VerificationResult.Unreadable(key, "the report is not a JSON object");
        }

        int signaturesValue = tokens.FindRootMember(reportJson, ReportSigner.SignaturesMemberUtf8);
        if (signaturesValue < 0)
        {
            return VerificationResult.NotSigned(key, "report is not signed");
        }

        var entries = SignatureEntry.TryReadAll(tokens.ValueText(reportJson, signaturesValue), out string? problem);
        if (entries is null)
        {
            return VerificationResult.Failed(key, problem!);
        }

        if (entries.Count == 0)
        {
            return VerificationResult.NotSigned(key, "report is not signed (its 'signatures' array is empty)");
        }

        var chosen = Choose(entries, key, "report", out string? refusal);
        if (chosen is null)
        {
            return VerificationResult.Failed(key, refusal!);
        }

        var signature = Decode(chosen.Value);
        if (signature is null)
        {
            return Failed(chosen, "the signature value is not base64");
        }

        if (key.CheckFormat(signature) is { } formatProblem)
        {
            return Failed(chosen, formatProblem);
        }

        using var hash = key.CreateHash();
        try
        {
            using var sink = new HashingBufferWriter(hash);
            JsonCanonicalizer.Write(reportJson, tokens, sink, CanonicalJsonOptions.SignedReport);
        }
        catch (CanonicalJsonException exception) when (exception.Error == CanonicalJsonError.InvalidJson)
        {
            return new VerificationResult(VerificationOutcome.Unreadable, "the report is unreadable: " + exception.Message, chosen.Algorithm, chosen.KeyId);
        }
        catch (CanonicalJsonException exception)
        {
            // Signed reports always canonicalize; one that does not was altered (duplicate members are a classic way to fool parsers).
            return Failed(chosen, "the report cannot have been signed as it is: " + exception.Message);
        }

        return key.Verify(hash, signature)
            ? new VerificationResult(VerificationOutcome.Intact, "signature verified", chosen.Algorithm, chosen.KeyId)
            : Failed(chosen, MismatchReason);
    }

    /// <summary>The signature by this key: same algorithm and same key id; otherwise why there is none.</summary>
    internal static SignatureEntry? Choose(IReadOnlyList<SignatureEntry> entries, VerificationKey key, string subject, out string? refusal)
    {
        var sameAlgorithm = entries.Where(entry => string.Equals(entry.Algorithm, key.Algorithm, StringComparison.Ordinal)).ToList();
        if (sameAlgorithm.Count == 0)
        {
            refusal = "the " + subject + " has no " + key.Algorithm + " signature; it is signed with "
                + string.Join(", ", entries.Select(entry => entry.Algorithm + " key " + entry.KeyId));
            return null;
        }

        var match = sameAlgorithm.Find(entry => string.Equals(entry.KeyId, key.KeyId, StringComparison.Ordinal));
        refusal = match is null
            ? "the " + subject + " is signed with " + key.Algorithm + " key " + string.Join(", ", sameAlgorithm.Select(entry => entry.KeyId))
                + ", but the key given is " + key.KeyId
            : null;
        return match;
    }

    internal static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static VerificationResult Failed(SignatureEntry entry, string reason) =>
        new(VerificationOutcome.Failed, reason, entry.Algorithm, entry.KeyId);
}
