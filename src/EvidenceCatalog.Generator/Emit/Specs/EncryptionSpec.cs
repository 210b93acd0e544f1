using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

internal sealed record EncryptionSpec(
    string Member,
    EquatableArray<string> Doc,
    string Id,
    string Name,
    string Algorithm,
    string KeySizeBits,
    string Scope,
    string ManagedBy,
    string SourceModule,
    string Coverage,
    string Criteria,
    string Notes,
    string RotatedAt,
    string RotationDays);
