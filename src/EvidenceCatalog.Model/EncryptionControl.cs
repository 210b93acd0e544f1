namespace EvidenceCatalog.Model;

/// <summary>An entry of the encryption inventory.</summary>
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
    string? Notes);

public enum EncryptionCoverage
{
    AtRest,
    InTransit,
    Both,
}
