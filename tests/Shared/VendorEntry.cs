namespace EvidenceCatalog.Tests.Shared;

/// <summary>A valid vendor of the vendors catalog, as YAML, for tests that only care about its id.</summary>
internal static class VendorEntry
{
    /// <summary>One item of <c>vendors:</c>; its id is on its first line, at column 9.</summary>
    public static string Yaml(string id) => $"""
          - id: {id}
            name: Vendor {id}
            service: Test service.
            risk: low
            soc2TypeII: {"{"}status: current{"}"}
            certifications: []
            dataAccess: []
            mitigations: [Contract.]
            lastReview: 2026-06-01
            nextReview: 2027-06-01

        """;

    /// <summary>A vendors catalog of the given vendors.</summary>
    public static string Catalog(params string[] ids) => "kind: vendors\nvendors:\n" + string.Concat(System.Array.ConvertAll(ids, Yaml));
}
