using System;
using System.IO;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>Verifies a file against its detached <c>.sig</c> (see <see cref="DetachedSignature"/>).</summary>
public static class DetachedVerifier
{
    /// <summary>The reason given when the file's bytes differ from what was signed.</summary>
    public const string MismatchReason = "signature does not match: the file was changed after signing, or signed with another key";

    /// <summary>Verifies the file at <paramref name="path"/> against <c>path.sig</c>; a missing <c>.sig</c> means not signed.</summary>
    /// <exception cref="IOException">The file cannot be read (the caller decides how to report it).</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its signature cannot be read.</exception>
    public static VerificationResult VerifyFile(string path, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(path);
        string signaturePath = DetachedSignature.PathFor(path);
        if (!File.Exists(signaturePath))
        {
            ArgumentNullException.ThrowIfNull(key);
            return new VerificationResult(VerificationOutcome.NotSigned, "the file is not signed: there is no " + Path.GetFileName(signaturePath) + " next to it", key.Algorithm, key.KeyId);
        }

        byte[] signatureJson = File.ReadAllBytes(signaturePath);
        using var file = File.OpenRead(path);
        return Verify(file, signatureJson, key);
    }

    /// <summary>Verifies <paramref name="data"/> against a <c>.sig</c> document.</summary>
    public static VerificationResult Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signatureJson, VerificationKey key)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        return Verify(stream, signatureJson, key);
    }

    /// <summary>Verifies the rest of <paramref name="data"/> against a <c>.sig</c> document, reading the data once, as a stream.</summary>
    public static VerificationResult Verify(Stream data, ReadOnlySpan<byte> signatureJson, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(key);

        var signature = DetachedSignature.TryParse(signatureJson, out string? problem);
        if (signature is null)
        {
            return new VerificationResult(VerificationOutcome.Unreadable, "the signature file is unreadable: " + problem, key.Algorithm, key.KeyId);
        }

        var chosen = ReportVerifier.Choose([new SignatureEntry(signature.Algorithm, signature.KeyId, signature.Value)], key, "file", out string? refusal);
        if (chosen is null)
        {
            return Result(VerificationOutcome.Failed, refusal!, signature);
        }

        var value = ReportVerifier.Decode(signature.Value);
        if (value is null)
        {
            return Result(VerificationOutcome.Failed, "the signature value is not base64", signature);
        }

        if (key.CheckFormat(value) is { } formatProblem)
        {
            return Result(VerificationOutcome.Failed, formatProblem, signature);
        }

        using var signed = key.CreateHash();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = data.Read(buffer, 0, buffer.Length)) > 0)
            {
                signed.AppendData(buffer, 0, read);
                sha256.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        string actual = Convert.ToHexStringLower(sha256.GetHashAndReset());
        if (!string.Equals(actual, signature.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return Result(
                VerificationOutcome.Failed,
                "the file's SHA-256 is " + actual + ", but the signature file records " + signature.Sha256 + ": the file was changed or truncated after signing",
                signature);
        }

        return key.Verify(signed, value)
            ? Result(VerificationOutcome.Intact, "signature verified", signature)
            : Result(VerificationOutcome.Failed, MismatchReason, signature);
    }

    private static VerificationResult Result(VerificationOutcome outcome, string reason, DetachedSignature signature) =>
        new(outcome, reason, signature.Algorithm, signature.KeyId);
}
