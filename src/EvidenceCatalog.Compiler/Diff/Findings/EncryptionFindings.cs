using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD007: an encryption entry whose key got shorter, whose algorithm got weaker, or that covers less.</summary>
internal static class EncryptionFindings
{
    public static void Run(FindingCollector findings)
    {
        var headEntries = findings.Head.Model.Encryption.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var was in findings.Base.Model.Encryption)
        {
            if (!headEntries.TryGetValue(was.Id, out var now))
            {
                continue;
            }

            if (was.KeySizeBits is int before && now.KeySizeBits is int after && after < before)
            {
                Report(findings, was.Id, $"the key size went from {before} to {after} bits", "/keySizeBits");
            }

            if (AlgorithmStrength.Weakening(was.Algorithm, now.Algorithm) is { } why)
            {
                Report(findings, was.Id, $"the algorithm went from '{was.Algorithm}' to '{now.Algorithm}' ({why})", "/algorithm");
            }

            if (Covers(was.Coverage).Except(Covers(now.Coverage)).FirstOrDefault() is { } lost)
            {
                Report(findings, was.Id, $"it no longer covers data {lost} (coverage '{KebabCase.FromEnum(was.Coverage)}' became '{KebabCase.FromEnum(now.Coverage)}')", "/coverage");
            }
        }
    }

    private static void Report(FindingCollector findings, string id, string what, string pointer) =>
        findings.Report(DiffFindingClass.EncryptionWeakened, id, $"encryption '{id}' was weakened: {what}", findings.Head.Locations.Find(EntryCollection.Encryption, id, pointer));

    private static IEnumerable<string> Covers(EncryptionCoverage coverage) => coverage switch
    {
        EncryptionCoverage.AtRest => ["at rest"],
        EncryptionCoverage.InTransit => ["in transit"],
        _ => ["at rest", "in transit"],
    };
}
