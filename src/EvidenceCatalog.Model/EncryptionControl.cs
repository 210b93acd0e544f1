namespace EvidenceCatalog.Model;

/// <summary>
/// An entry of the encryption inventory. <see cref="RotatedAt"/> and <see cref="RotationDays"/>, when declared, say when
/// its key was last rotated and how many days a key may live; a key older than that is stale (EC4008).
/// </summary>
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
