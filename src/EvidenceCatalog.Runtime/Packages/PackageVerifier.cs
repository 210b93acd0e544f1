using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Signing.Dsse;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// Verifies a package against one key, in the order trust flows: the envelope's signature over its statement first
/// (nothing else is believed without it), then every file against the statement's digests (changed, missing, extra),
/// the manifest against the statement, and the report's own signature by the same key.
/// Every failure found is named, with its file; the envelope failing stops the rest, which could only repeat it.
/// </summary>
public static class PackageVerifier
{
    /// <summary>An envelope larger than this is not one this tool wrote (a million files would not make it).</summary>
    private const long MaxBundleBytes = 256L * 1024 * 1024;

    /// <summary>Verifies <paramref name="package"/> with <paramref name="key"/>; never throws for a bad package, only for one that cannot be read.</summary>
    /// <exception cref="IOException">A file of the package cannot be read.</exception>
    public static PackageVerification Verify(PackageContent package, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(key);
        var problems = new List<string>(package.Problems);
        var files = package.Files.ToHashSet(StringComparer.Ordinal);
        if (!files.Contains(PackagePath.Bundle))
        {
            return Failed(key, [PackagePath.Bundle + " is missing: nothing in the package is signed without it", .. problems]);
        }

        byte[] bundle = ReadAll(package, PackagePath.Bundle);
        var envelope = DsseEnvelope.TryParse(bundle, out string? envelopeProblem);
        if (envelope is null)
        {
            return Failed(key, [PackagePath.Bundle + " is not a DSSE envelope: " + envelopeProblem]);
        }

        var signature = DsseVerifier.Verify(envelope, key);
        if (!signature.IsIntact)
        {
            return new PackageVerification(VerificationOutcome.Failed, [PackagePath.Bundle + ": " + signature.Reason], signature.Algorithm, signature.KeyId, 0, null);
        }

        if (envelope.PayloadType != DsseEnvelope.InTotoPayloadType)
        {
            return Failed(signature, [PackagePath.Bundle + ": the payload type is '" + envelope.PayloadType + "', not " + DsseEnvelope.InTotoPayloadType]);
        }

        var subjects = PackageStatement.TryReadSubjects(envelope.Payload, out string? predicateType, out string? statementProblem);
        if (subjects is null)
        {
            return Failed(signature, [PackagePath.Bundle + ": the signed payload is not a statement this tool reads: " + statementProblem]);
        }

        if (predicateType != PackageStatement.PredicateType)
        {
            return Failed(signature, [PackagePath.Bundle + ": the statement's predicate type is '" + predicateType + "', not an evidence package's (" + PackageStatement.PredicateType + ")"]);
        }

        var actual = new Dictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, sha256) in subjects)
        {
            if (!listed.Add(name))
            {
                problems.Add(name + " is listed twice in the signed statement");
                continue;
            }

            if (!files.Contains(name))
            {
                problems.Add(name + " is missing (the signed statement lists it)");
                continue;
            }

            var digest = Digest(package, name);
            actual[name] = digest;
            if (!string.Equals(digest.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(name + " was changed: its SHA-256 is " + digest.Sha256 + ", the signed statement records " + sha256);
            }
        }

        if (!listed.Contains(PackagePath.Report))
        {
            problems.Add(PackagePath.Report + " is not in the package: the signed statement does not list it");
        }

        foreach (string extra in package.Files.Where(f => f != PackagePath.Bundle && !listed.Contains(f)))
        {
            problems.Add(extra + " is not part of the package: the signed statement does not list it");
        }

        var intact = subjects.Where(s => actual.TryGetValue(s.Name, out var d) && string.Equals(d.Sha256, s.Sha256, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        CheckManifest(package, subjects, actual, intact, problems);

        VerificationResult? report = null;
        if (intact.Contains(PackagePath.Report))
        {
            report = ReportVerifier.Verify(ReadAll(package, PackagePath.Report), key);
            if (!report.IsIntact)
            {
                problems.Add(PackagePath.Report + ": its own signature: " + report.Reason);
            }
        }

        return new PackageVerification(
            problems.Count == 0 ? VerificationOutcome.Intact : VerificationOutcome.Failed,
            problems,
            signature.Algorithm,
            signature.KeyId,
            subjects.Count,
            report);
    }

    private static void CheckManifest(
        PackageContent package,
        IReadOnlyList<(string Name, string Sha256)> subjects,
        Dictionary<string, (long Bytes, string Sha256)> actual,
        HashSet<string> intact,
        List<string> problems)
    {
        if (!subjects.Any(s => s.Name == PackagePath.Manifest))
        {
            problems.Add(PackagePath.Manifest + " is not among the signed statement's subjects");
            return;
        }

        if (!intact.Contains(PackagePath.Manifest))
        {
            return; // already named as missing or changed
        }

        var manifest = PackageManifest.TryRead(ReadAll(package, PackagePath.Manifest), out string? problem);
        if (manifest is null)
        {
            problems.Add(PackagePath.Manifest + " is not a manifest: " + problem);
            return;
        }

        var statement = subjects.ToDictionary(s => s.Name, s => s.Sha256, StringComparer.Ordinal);
        foreach (var entry in manifest)
        {
            if (!statement.TryGetValue(entry.Name, out string? sha256) || !string.Equals(sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(PackagePath.Manifest + " lists " + entry.Name + " with SHA-256 " + entry.Sha256 + ", which the signed statement does not");
            }
            else if (intact.Contains(entry.Name) && actual[entry.Name].Bytes is var length && length != entry.Bytes)
            {
                problems.Add(PackagePath.Manifest + " gives " + entry.Name + " " + entry.Bytes.ToString(CultureInfo.InvariantCulture) + " bytes, but it has " + length.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var subject in subjects.Where(s => s.Name != PackagePath.Manifest && manifest.All(m => m.Name != s.Name)))
        {
            problems.Add(PackagePath.Manifest + " does not list " + subject.Name + ", which the signed statement does");
        }
    }

    private static (long Bytes, string Sha256) Digest(PackageContent package, string name)
    {
        using var stream = package.OpenRead(name);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        long length = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static byte[] ReadAll(PackageContent package, string name)
    {
        using var stream = package.OpenRead(name);
        using var copy = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxBundleBytes)
            {
                throw new PackageFormatException(name + " is over " + (MaxBundleBytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB: not a file this tool writes");
            }
        }

        return copy.ToArray();
    }

    private static PackageVerification Failed(VerificationKey key, IReadOnlyList<string> problems) =>
        new(VerificationOutcome.Failed, problems, key.Algorithm, key.KeyId, 0, null);

    private static PackageVerification Failed(VerificationResult signature, IReadOnlyList<string> problems) =>
        new(VerificationOutcome.Failed, problems, signature.Algorithm, signature.KeyId, 0, null);
}

/// <summary>What verifying a package found.</summary>
/// <param name="Outcome"><see cref="VerificationOutcome.Intact"/> when every check passed, otherwise <see cref="VerificationOutcome.Failed"/>.</param>
/// <param name="Problems">One line per failure, each naming its file; empty when intact.</param>
/// <param name="Algorithm">The algorithm of the envelope signature checked (or of the key, when none was).</param>
/// <param name="KeyId">The key id of the envelope signature checked (or of the key).</param>
/// <param name="Subjects">Files the signed statement lists (0 when the envelope did not verify).</param>
/// <param name="Report">The report's own signature check, when the report is in the package and intact.</param>
public sealed record PackageVerification(
    VerificationOutcome Outcome,
    IReadOnlyList<string> Problems,
    string Algorithm,
    string KeyId,
    int Subjects,
    VerificationResult? Report)
{
    public bool IsIntact => Outcome == VerificationOutcome.Intact;
}
