using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class SchemasOptionTests
{
    [Fact]
    public void The_repository_schemas_directory_gives_the_same_result_as_the_shipped_schemas()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var shipped = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);
        var fromDirectory = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", RepositoryRoot.Schemas);

        Assert.Equal(1, fromDirectory.ExitCode);
        Assert.Equal(shipped.Stdout, fromDirectory.Stdout);
    }

    [Fact]
    public void A_schemas_directory_without_the_kind_makes_the_catalog_an_unknown_kind()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("schemas/readme.txt", "no schemas here");
        workspace.AddFixture("SevereRiskVendor/zz-severe-risk.yaml", "catalogs/vendors.yaml");

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("catalogs/vendors.yaml(1,", System.StringComparison.Ordinal) && l.Contains(": error EC2001: the kind 'vendors' has no schema", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_file_that_is_not_utf8_is_reported_by_its_display_path()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddBytes("schemas/broken.json", [(byte)'{', 0xFF, (byte)'}']);

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("schemas/broken.json(1,2): error EC1008: the file is not valid UTF-8 (byte 0xFF at offset 1); save it as UTF-8" + Scenarios.HelpSuffix("EC1008"), result.StdoutLines);
    }
}
