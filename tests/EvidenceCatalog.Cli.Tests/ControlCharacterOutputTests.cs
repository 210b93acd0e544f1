using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>A YAML key and value holding CR, LF, TAB and ESC keep every output format one line per diagnostic, with the same escaped message.</summary>
public sealed class ControlCharacterOutputTests
{
    private const string Path = "catalogs/vendors/zz-control-characters.yaml";

    private const string ValueMessage = "'risk' is 'low\\r\\nhigh', which is not allowed; use one of: critical, high, medium, low";

    private const string KeyMessage = "'owner\\tteam\\u001B[31m' is not a property of item 1 of 'vendors' (id 'acme-escapes'); allowed properties: "
        + "certifications, dataAccess, id, lastReview, mitigations, name, nextReview, risk, service, soc2TypeII";

    [Fact]
    public void Text_prints_one_line_per_diagnostic_with_the_characters_escaped()
    {
        using var workspace = Workspace();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(
            [
                Path + "(6,11): error EC2006: " + ValueMessage + Scenarios.HelpSuffix("EC2006"),
                Path + "(13,5): error EC2003: " + KeyMessage + Scenarios.HelpSuffix("EC2003"),
                (RepositoryRoot.CatalogFileCount + 1) + " files checked: 2 errors, no warnings.",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void GitHub_annotations_carry_the_same_escaped_message()
    {
        using var workspace = Workspace();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "github");

        Assert.Equal(3, result.StdoutLines.Length);
        Assert.EndsWith("::" + ValueMessage, result.StdoutLines[0], System.StringComparison.Ordinal);
        Assert.EndsWith("::" + KeyMessage, result.StdoutLines[1], System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Json_and_sarif_messages_are_the_same_escaped_text(string format)
    {
        using var workspace = Workspace();

        using var document = JsonDocument.Parse(Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", format).Stdout);

        var messages = format == "json"
            ? document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString())
            : document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal([ValueMessage, KeyMessage], messages);
    }

    private static CatalogWorkspace Workspace()
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddFixture("ControlCharacters/zz-control-characters.yaml", Path);
        return workspace;
    }
}
