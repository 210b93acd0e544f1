namespace EvidenceCatalog.Model;

/// <summary>
/// An entry of the encryption inventory. <see cref="RotatedAt"/> and <see cref="RotationDays"/>, when declared, say when
/// its key was last rotated and how many days a key may live; a key older than that is stale (EC4008).
/// </summary>
/// <param name="Id">Entry id, kebab-case (e.g. byok-key-encryption).</param>
/// <param name="Name">Display name of the entry.</param>
/// <param name="Algorithm">Algorithm or protocol (e.g. AES-256-GCM, RS256, bcrypt, TLS 1.3, SHA-256).</param>
/// <param name="KeySizeBits">Key (or digest) size in bits. Absent where it does not apply (e.g. bcrypt, which has a cost factor instead).</param>
/// <param name="Scope">What the entry protects.</param>
/// <param name="ManagedBy">Who or what manages the keys (e.g. AWS KMS (customer-managed key)).</param>
/// <param name="SourceModule">Source module that implements it (e.g. services/keyvault/byok).</param>
/// <param name="Coverage">Whether it protects data at rest, in transit, or both.</param>
/// <param name="Criteria">The criteria this entry supports, by id (e.g. CC6.1). Each must exist in an active framework.</param>
/// <param name="Notes">Anything else an auditor should know (parameters, rotation, exceptions).</param>
/// <param name="RotatedAt">Date the key was last rotated (YYYY-MM-DD). With rotationDays, a key older than its rotation period on the as-of date is a warning (EC4008).</param>
/// <param name="RotationDays">How many days a key may live before it is rotated (e.g. 365 for a yearly rotation). Judged with rotatedAt (EC4008).</param>
public sealed record EncryptionControl(
    string Id,
    string Name,
    string Algorithm,
    int? KeySizeBits,
    string Scope,
    string ManagedBy,
    string SourceModule,
    EncryptionCoverage Coverage,
    EquatableArray<string> Criteria,
    string? Notes,
    CalendarDate? RotatedAt = null,
    int? RotationDays = null);

public enum EncryptionCoverage
{
    AtRest,
    InTransit,
    Both,
}
