using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit.Specs;

internal sealed record VendorSpec(
    string Member,
    EquatableArray<string> Doc,
    string Id,
    string Name,
    string Service,
    string Risk,
    string Soc2TypeII,
    string Soc2PeriodEnd,
    string Certifications,
    string DataAccess,
    string Mitigations,
    string LastReview,
    string NextReview);
