using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class CatalogDiscoveryTests
{
    [Fact]
    public void Directories_are_searched_recursively_for_yaml_and_yml_only()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("cats/a.yaml", "kind: nope\n");
        workspace.AddText("cats/deep/er/b.yml", "kind: nope\n");
        workspace.AddText("cats/notes.txt", "kind: nope\n");
        workspace.AddText("cats/data.json", "{}");

        var result = Evidence.Run(workspace.Path, "validate", "cats", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(["cats/a.yaml", "cats/deep/er/b.yml"], FilesWithDiagnostics(result));
        Assert.StartsWith("2 files checked: ", result.StdoutLines[^1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_reported_in_ordinal_order_of_their_paths()
    {
        using var workspace = CatalogWorkspace.Empty();
        foreach (string name in new[] { "b.yaml", "B.yaml", "a/z.yaml", "a.yaml", "_.yaml" })
        {
            workspace.AddText("cats/" + name, "kind: nope\n");
        }

        var result = Evidence.Run(workspace.Path, "validate", "cats", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(["cats/B.yaml", "cats/_.yaml", "cats/a.yaml", "cats/a/z.yaml", "cats/b.yaml"], FilesWithDiagnostics(result));
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_checked_whatever_its_extension_and_only_once()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("one.catalog", "kind: nope\n");
        workspace.AddText("cats/two.yaml", "kind: nope\n");

        var result = Evidence.Run(workspace.Path, "validate", "one.catalog", "cats", "cats/two.yaml", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(["cats/two.yaml", "one.catalog"], FilesWithDiagnostics(result));
        Assert.StartsWith("2 files checked: 2 errors", result.StdoutLines[^1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_outside_the_working_directory_is_shown_by_its_full_path()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("outside/x.yaml", "kind: nope\n");
        Directory.CreateDirectory(workspace.Combine("inside"));

        var result = Evidence.Run(workspace.Combine("inside"), "validate", "../outside/x.yaml", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal([Path.GetFullPath(workspace.Combine("outside/x.yaml"))], FilesWithDiagnostics(result));
    }

    [Fact]
    public void An_empty_directory_checks_no_files_and_passes()
    {
        using var workspace = CatalogWorkspace.Empty();
        Directory.CreateDirectory(workspace.Combine("catalogs"));

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["0 files checked: no errors, no warnings."], result.StdoutLines);
    }

    private static string[] FilesWithDiagnostics(CliResult result) =>
        result.StdoutLines[..^1].Select(l => l[..l.IndexOf('(', System.StringComparison.Ordinal)]).Distinct().ToArray();
}
