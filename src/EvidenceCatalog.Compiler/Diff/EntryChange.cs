using System.Collections.Immutable;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>How an entry differs between the two sides.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>An entry added, removed or changed, with the fields that changed.</summary>
/// <param name="Collection">The list the entry belongs to.</param>
/// <param name="Id">The entry's id (<c>okta:Engineering</c> for a role mapping, <c>policies</c> for the policies).</param>
/// <param name="Change">Added in HEAD, removed from BASE, or changed.</param>
/// <param name="Fields">The fields that changed (for a changed entry), by path.</param>
/// <param name="Location">Where HEAD writes the entry (added or changed), when known.</param>
public sealed record EntryChange(EntryCollection Collection, string Id, ChangeKind Change, ImmutableArray<FieldChange> Fields, CatalogLocation? Location);

/// <summary>
/// One field whose value differs: <c>cadence</c>, <c>soc2TypeII.status</c>, <c>evidence[auth.login].outcomes</c>,
/// <c>steps[2].slaMinutes</c>. A value is null where the field or list item is absent on that side.
/// </summary>
/// <param name="Path">The field's path inside the entry.</param>
/// <param name="Before">BASE's value as text (lists as <c>[a, b]</c>), or null when absent.</param>
/// <param name="After">HEAD's value as text, or null when absent.</param>
/// <param name="HeadPointer">The field's JSON pointer inside HEAD's entry (<c>/steps/2/slaMinutes</c>), for its line.</param>
/// <param name="Delta">For a list of values on both sides, what changed in it: <c>+audit:read, -vendor:read</c>, or <c>reordered</c>.</param>
public sealed record FieldChange(string Path, string? Before, string? After, string HeadPointer, string? Delta = null)
{
    /// <summary>The change in a few words: the list's delta when there is one, else <c>before → after</c>.</summary>
    public string Describe() => Delta ?? (Before ?? "(absent)") + " → " + (After ?? "(absent)");
}
