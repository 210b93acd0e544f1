namespace EvidenceCatalog.Model;

/// <summary>An entry of the encryption inventory.</summary>
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
