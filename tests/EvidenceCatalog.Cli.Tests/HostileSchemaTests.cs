using System;
using System.IO;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>Schemas written to break the validator (a pull request can change <c>schemas/</c> too): each is a diagnostic, in bounded time.</summary>
public sealed class HostileSchemaTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_schema_that_refers_to_itself_at_its_top_is_EC2108_at_the_ref_not_an_internal_error()
    {
        using var workspace = WorkspaceWithSchemas();
        string vendors = workspace.Combine("schemas/vendors.schema.json");
        File.WriteAllText(vendors, "{\n  \"$ref\": \"#\"," + File.ReadAllText(vendors)[1..]);

        var result = Bounded.Within(Deadline, () => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains(
            "schemas/vendors.schema.json(2,3): error EC2108: the $ref '#' leads back to the schema it stands in without moving to a property or an item, so no value could ever be checked against it; point it at a definition that describes the value, such as '#/definitions/NAME'" + Scenarios.HelpSuffix("EC2108"),
            result.StdoutLines);
    }

    private static CatalogWorkspace WorkspaceWithSchemas()
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        foreach (string schema in Directory.GetFiles(RepositoryRoot.Schemas, "*.json"))
        {
            workspace.AddBytes("schemas/" + Path.GetFileName(schema), File.ReadAllBytes(schema));
        }

        return workspace;
    }
}
