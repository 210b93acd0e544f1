using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using EvidenceCatalog.Runtime.Canonical;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// Signs a JSON report. Each signature covers the RFC 8785 canonical form of the whole report without its
/// <c>signatures</c> member (<see cref="CanonicalJsonOptions.SignedReport"/>: integers only), so org, dates, section
/// statuses and every other value are covered, while indentation and member order are not. The signed report is
/// re-written indented with <c>"signatures": [ { "algorithm", "keyId", "value" (base64) } ]</c> as its last member.
/// </summary>
public static class ReportSigner
{
    /// <summary>The top-level member holding the signatures, and the one member no signature covers.</summary>
    public const string SignaturesMember = "signatures";

    internal static ReadOnlySpan<byte> SignaturesMemberUtf8 => "signatures"u8;

    /// <summary>Signs <paramref name="reportJson"/> with one key; see <see cref="Sign(ReadOnlySpan{byte}, IEnumerable{SigningKey})"/>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> reportJson, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sign(reportJson, [key]);
    }

    /// <summary>
    /// Signs <paramref name="reportJson"/> with every key in <paramref name="keys"/>, one signature each. Signatures already in
    /// the report are kept, except that a new signature replaces an old one with the same key id.
    /// </summary>
    /// <returns>The report, indented, UTF-8, ending in a newline.</returns>
    /// <exception cref="CanonicalJsonException">The report is not JSON, has duplicate members, or holds a number that is not an integer.</exception>
    /// <exception cref="ArgumentException">No keys, the report is not a JSON object, or its <c>signatures</c> member is malformed.</exception>
    public static byte[] Sign(ReadOnlySpan<byte> reportJson, IEnumerable<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var keyList = keys.ToArray();
        if (keyList.Length == 0)
        {
            throw new ArgumentException("At least one signing key is needed.", nameof(keys));
        }

        var tokens = JsonTokenTable.Parse(reportJson);
        if (tokens[0].Kind != JsonTokenKind.Object)
        {
            throw new ArgumentException("A report is a JSON object; this JSON text is not.", nameof(reportJson));
        }

        var signatures = ExistingSignatures(reportJson, tokens);
        var hashes = keyList.Select(key => key.CreateHash()).ToArray();
        try
        {
            using (var sink = new HashingBufferWriter(hashes))
            {
                JsonCanonicalizer.Write(reportJson, tokens, sink, CanonicalJsonOptions.SignedReport);
            }

            for (int index = 0; index < keyList.Length; index++)
            {
                var entry = new SignatureEntry(keyList[index].Algorithm, keyList[index].KeyId, Convert.ToBase64String(keyList[index].Sign(hashes[index])));
                int existing = signatures.FindIndex(signature => string.Equals(signature.KeyId, entry.KeyId, StringComparison.Ordinal));
                if (existing >= 0)
                {
                    signatures[existing] = entry;
                }
                else
                {
                    signatures.Add(entry);
                }
            }
        }
        finally
        {
            foreach (var hash in hashes)
            {
                hash.Dispose();
            }
        }

        return SignedReportWriter.Write(reportJson, tokens, signatures);
    }

    private static List<SignatureEntry> ExistingSignatures(ReadOnlySpan<byte> reportJson, JsonTokenTable tokens)
    {
        int value = tokens.FindRootMember(reportJson, SignaturesMemberUtf8);
        if (value < 0)
        {
            return [];
        }

        var entries = SignatureEntry.TryReadAll(tokens.ValueText(reportJson, value), out string? problem);
        return entries ?? throw new ArgumentException("The report cannot be signed: " + problem + ".", nameof(reportJson));
    }
}
