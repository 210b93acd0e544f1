using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary>The runbooks' responders are entries of their own in the diff, and the new dated fields are field changes.</summary>
public sealed class ResponderDiffTests
{
    [Fact]
    public void A_renamed_responder_and_a_new_test_date_are_field_changes_of_their_entries()
    {
        using var workspace = CatalogWorkspace.Empty();
        DiffWorkspace.Copy(RepositoryRoot.Catalogs, workspace.Combine("base"));
        DiffWorkspace.Copy(RepositoryRoot.Catalogs, workspace.Combine("head"));
        string runbooks = workspace.Combine("head/runbooks/incident-response.yaml");
        File.WriteAllText(runbooks, File.ReadAllText(runbooks)
            .Replace("name: Security Lead", "name: Security Lead (CISO office)", StringComparison.Ordinal)
            .Replace("lastTested: 2026-10-07", "lastTested: 2026-11-20", StringComparison.Ordinal));

        var result = Evidence.Run(workspace.Path, "diff", "base", "head", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("list").GetString() + "/" + c.GetProperty("id").GetString());
        Assert.Equal(["procedures/service-outage", "responders/security-lead"], changes.Keys.Order(StringComparer.Ordinal));
        var responder = Assert.Single(changes["responders/security-lead"].GetProperty("fields").EnumerateArray());
        Assert.Equal(("name", "Security Lead", "Security Lead (CISO office)"), (responder.GetProperty("path").GetString(), responder.GetProperty("before").GetString(), responder.GetProperty("after").GetString()));
        Assert.Equal("head/runbooks/incident-response.yaml", changes["responders/security-lead"].GetProperty("file").GetString());
        var tested = Assert.Single(changes["procedures/service-outage"].GetProperty("fields").EnumerateArray());
        Assert.Equal(("lastTested", "2026-10-07", "2026-11-20"), (tested.GetProperty("path").GetString(), tested.GetProperty("before").GetString(), tested.GetProperty("after").GetString()));
    }
}
