using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Compiler.Diff.Findings;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>
/// Compares two compiled catalog sets as models, not text: which entries of each kind were added, removed or changed
/// (field by field), and what that means for the audit (<see cref="DiffFindingClass"/>). Pure: reads no file or clock.
/// </summary>
public static class CatalogDiff
{
    public static CatalogDiffResult Compare(CatalogSide baseSide, CatalogSide head)
    {
        var before = ModelEntries.Of(baseSide.Model);
        var after = ModelEntries.Of(head.Model);
        var changes = new List<EntryChange>();
        foreach (var collection in EntryCollection.All)
        {
            var left = before[collection];
            var right = after[collection];
            foreach (string id in left.Keys.Union(right.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                bool inLeft = left.TryGetValue(id, out var l);
                bool inRight = right.TryGetValue(id, out var r);
                if (inLeft && inRight)
                {
                    var fields = FieldDiff.Compare(l!, r!);
                    if (fields.Count > 0)
                    {
                        changes.Add(new EntryChange(collection, id, ChangeKind.Changed, fields.ToImmutableArray(), head.Locations.Find(collection, id, fields[0].HeadPointer)));
                    }
                }
                else
                {
                    changes.Add(new EntryChange(collection, id, inRight ? ChangeKind.Added : ChangeKind.Removed, ImmutableArray<FieldChange>.Empty, inRight ? head.Locations.Find(collection, id) : null));
                }
            }
        }

        var findings = new FindingCollector(baseSide, head);
        CoverageFindings.Run(findings);
        ControlFindings.Run(findings);
        VendorFindings.Run(findings);
        EncryptionFindings.Run(findings);
        RunbookFindings.Run(findings);
        AccessFindings.Run(findings);
        EventFindings.Run(findings);

        return new CatalogDiffResult(baseSide.Name, head.Name, changes.ToImmutableArray(), findings.Sorted());
    }
}
