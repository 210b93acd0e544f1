using System.Collections.Immutable;
using System.Linq;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>What changed from BASE to HEAD: the entries per kind, and what the changes mean.</summary>
/// <param name="Base">How BASE was named.</param>
/// <param name="Head">How HEAD was named.</param>
/// <param name="Changes">Entries added, removed or changed, by kind (in <see cref="EntryCollection.All"/> order), then id.</param>
/// <param name="Findings">What the changes mean, by class id, then subject.</param>
public sealed record CatalogDiffResult(string Base, string Head, ImmutableArray<EntryChange> Changes, ImmutableArray<DiffFinding> Findings)
{
    public int RegressionCount => Findings.Count(f => f.IsRegression);

    public int CountOf(ChangeKind change) => Changes.Count(c => c.Change == change);

    /// <summary>True when the two models are equal (same fingerprint).</summary>
    public bool IsEmpty => Changes.IsEmpty;
}
