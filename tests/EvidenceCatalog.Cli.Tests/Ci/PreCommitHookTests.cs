using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>
/// The repository's <c>.pre-commit-hooks.yaml</c>: one hook, run when a catalog changes, validating the whole set; its
/// entry run in a repository made in the test, as pre-commit runs a <c>language: system</c> hook from the root.
/// </summary>
public sealed class PreCommitHookTests
{
    private static readonly FixedClock CleanDay = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private readonly YamlMappingNode hook = LoadHook();

    [Fact]
    public void The_hook_validates_every_catalog_strictly_with_the_evidence_on_the_path()
    {
        Assert.Equal("evidence-validate", Value("id"));
        Assert.Equal("system", Value("language"));
        Assert.Equal("evidence validate --strict", Value("entry"));
        // Cross-file checks need the whole set: the changed files alone would miss or misreport references.
        Assert.Equal("false", Value("pass_filenames"));
        Assert.False(string.IsNullOrWhiteSpace(Value("name")));
    }

    [Theory]
    [InlineData("catalogs/vendors/vendors.yaml", true)]
    [InlineData("catalogs/controls/new-controls.yml", true)]
    [InlineData("catalogs/policies.yaml", true)]
    [InlineData("docs/catalogs.yaml", false)]
    [InlineData("catalogs/README.md", false)]
    [InlineData("schemas/vendors.schema.json", false)]
    [InlineData("src/catalogs/vendors.yaml", false)]
    public void The_hook_runs_when_a_catalog_file_changes(string path, bool runs)
    {
        // pre-commit matches `files` with Python's re.search; this pattern means the same in .NET.
        Assert.Equal(runs, Regex.IsMatch(path, Value("files")));
    }

    [Fact]
    public void The_entry_passes_the_sample_catalogs_at_the_root_of_a_checkout()
    {
        using var repository = CatalogWorkspace.WithRepositoryCatalogs();

        var result = RunEntry(repository.Path, CleanDay);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{RepositoryRoot.CatalogFileCount} files checked: no errors, no warnings.\n", result.Stdout);
    }

    [Fact]
    public void The_entry_fails_the_commit_on_an_invalid_catalog_naming_its_line()
    {
        using var repository = Scenarios.WithSevereRiskVendor();

        var result = RunEntry(repository.Path, CleanDay);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(Scenarios.SevereVendorPath + "(6,11): error EC2006: " + Scenarios.SevereVendorMessage, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entry_fails_the_commit_on_an_overdue_review_because_it_is_strict()
    {
        using var repository = CatalogWorkspace.WithRepositoryCatalogs();

        var result = RunEntry(repository.Path, new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(": error EC4001: ", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The hook's entry run at the repository root, through the CLI in process so that the day it judges dates by is fixed.</summary>
    private CliResult RunEntry(string root, TimeProvider clock)
    {
        string[] words = Value("entry").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("evidence", words[0]);
        return Evidence.Run(root, clock, words[1..]);
    }

    private string Value(string key) => ((YamlScalarNode)hook.Children[new YamlScalarNode(key)]).Value ?? string.Empty;

    private static YamlMappingNode LoadHook()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, ".pre-commit-hooks.yaml")))
        {
            yaml.Load(reader);
        }

        var hooks = (YamlSequenceNode)yaml.Documents.Single().RootNode;
        return (YamlMappingNode)Assert.Single(hooks.Children);
    }
}
