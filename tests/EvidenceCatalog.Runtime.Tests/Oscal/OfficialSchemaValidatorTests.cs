using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Oscal;

/// <summary>
/// The validator the export is judged by is wired right: NIST's own OSCAL documents pass the official schemas, and a
/// copy broken in one place — a missing required member, a value only a format assertion refuses — fails.
/// </summary>
public sealed class OfficialSchemaValidatorTests
{
    private const string NistCatalog = "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json";

    private const string NistAssessmentResults = "ifa_assessment-results-example-min.json";

    [Fact]
    public void NIST_800_53_moderate_catalog_passes_the_catalog_schema()
    {
        Assert.Empty(OscalSchemas.Errors(OscalSchemas.Catalog, Content(NistCatalog)));
    }

    [Fact]
    public void NIST_assessment_results_example_passes_the_assessment_results_schema()
    {
        Assert.Empty(OscalSchemas.Errors(OscalSchemas.AssessmentResults, Content(NistAssessmentResults)));
    }

    [Fact]
    public void NIST_catalog_without_its_metadata_title_fails()
    {
        var document = JsonNode.Parse(Content(NistCatalog))!;
        document["catalog"]!["metadata"]!.AsObject().Remove("title");
        Assert.NotEmpty(OscalSchemas.Errors(OscalSchemas.Catalog, Bytes(document)));
    }

    [Fact]
    public void NIST_assessment_results_with_a_version_4_uuid_made_version_3_fails()
    {
        var document = JsonNode.Parse(Content(NistAssessmentResults))!;
        document["assessment-results"]!["uuid"] = "ec0dad37-54e0-30fd-a925-6d0bdea94c0d";
        Assert.NotEmpty(OscalSchemas.Errors(OscalSchemas.AssessmentResults, Bytes(document)));
    }

    [Fact]
    public void A_namespace_the_pattern_allows_but_the_uri_format_refuses_fails()
    {
        // URIDatatype's pattern accepts any "scheme:rest"; only the asserted uri format rejects a space in the host.
        var document = JsonNode.Parse(Content(NistCatalog))!;
        var prop = document["catalog"]!["metadata"]!["props"]![0]!.AsObject();
        Assert.Empty(OscalSchemas.Errors(OscalSchemas.Catalog, Bytes(document)));
        prop["ns"] = "https://exa mple.org/ns";
        Assert.NotEmpty(OscalSchemas.Errors(OscalSchemas.Catalog, Bytes(document)));
    }

    [Fact]
    public void A_last_modified_of_February_30_fails()
    {
        var document = JsonNode.Parse(Content(NistAssessmentResults))!;
        document["assessment-results"]!["metadata"]!["last-modified"] = "2023-02-30T13:57:28Z";
        Assert.NotEmpty(OscalSchemas.Errors(OscalSchemas.AssessmentResults, Bytes(document)));
    }

    private static byte[] Content(string name) => File.ReadAllBytes(Path.Combine(OscalSchemas.ContentFolder, name));

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
