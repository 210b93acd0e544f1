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
    [Fact]
    public void A_schema_that_refers_to_itself_at_its_top_is_EC2108_at_the_ref_not_an_internal_error()
    {
        using var workspace = WorkspaceWithSchemas();
        string vendors = workspace.Combine("schemas/vendors.schema.json");
        File.WriteAllText(vendors, "{\n  \"$ref\": \"#\"," + File.ReadAllText(vendors)[1..]);

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains(
            "schemas/vendors.schema.json(2,3): error EC2108: the $ref '#' leads back to the schema it stands in without moving to a property or an item, so no value could ever be checked against it; point it at a definition that describes the value, such as '#/definitions/NAME'" + Scenarios.HelpSuffix("EC2108"),
            result.StdoutLines);
    }

    [Fact]
    public void The_catastrophic_pattern_of_the_report_answers_in_bounded_time_with_the_value_refused()
    {
        // ^(a+)+$ took 4.9 s on 26 characters and more than 60 s on 34: here 40, against a vendor id.
        using var workspace = WorkspaceWithVendorIdPattern("^(a+)+$");

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith(HostileVendorPath + "(3,9): error ", StringComparison.Ordinal) && (l.Contains(" EC2007: ", StringComparison.Ordinal) || l.Contains(" EC2010: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_is_EC2010_at_the_value_and_EC2109_at_the_keyword()
    {
        // The lookahead keeps the pattern on the backtracking engine, where only the match timeout stops it.
        using var workspace = WorkspaceWithVendorIdPattern("^(?!x)(a+)+$");

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(
            HostileVendorPath + "(3,9): error EC2010: 'id' is '" + HostileId + "', which could not be checked against the pattern ^(?!x)(a+)+$ of schemas/vendors.schema.json(49,11) within 250 ms; it is refused until that pattern is rewritten so that it cannot backtrack" + Scenarios.HelpSuffix("EC2010"),
            result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("schemas/vendors.schema.json(49,11): error EC2109: ", StringComparison.Ordinal));
    }

    private const string HostileVendorPath = "catalogs/vendors/zz-hostile.yaml";

    private static readonly string HostileId = new string('a', 40) + "b";

    /// <summary>The repository's catalogs and schemas, the vendor id's pattern replaced, and a vendor whose id makes it backtrack (line 3, column 9).</summary>
    private static CatalogWorkspace WorkspaceWithVendorIdPattern(string pattern)
    {
        var workspace = WorkspaceWithSchemas();
        string vendors = workspace.Combine("schemas/vendors.schema.json");
        File.WriteAllText(vendors, File.ReadAllText(vendors).Replace("\"pattern\": \"^[a-z][a-z0-9]*(-[a-z0-9]+)*$\"", "\"pattern\": \"" + pattern + "\"", StringComparison.Ordinal));
        workspace.AddText(HostileVendorPath, VendorEntry.Catalog(HostileId));
        return workspace;
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
