using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Diff;

/// <summary>
/// <c>evidence diff</c> on git revisions of a real repository made in the test (git init, commits, a branch): the
/// catalogs are read from git's objects, never checked out, and the working tree is left as it was.
/// </summary>
public sealed class GitRevisionTests : IDisposable
{
    private readonly CatalogWorkspace repository = CatalogWorkspace.WithRepositoryCatalogs();

    public GitRevisionTests()
    {
        Git("init", "--quiet", "--initial-branch=main");
        Git("add", "catalogs");
        Git("commit", "--quiet", "-m", "The sample catalogs");
        Git("checkout", "--quiet", "-b", "relax-monitoring");
        // MON-01, the first control of operations.yaml, from continuous to weekly.
        string controls = repository.Combine("catalogs/controls/operations.yaml");
        string text = File.ReadAllText(controls);
        int at = text.IndexOf("cadence: continuous", StringComparison.Ordinal);
        File.WriteAllText(controls, text[..at] + "cadence: weekly" + text[(at + "cadence: continuous".Length)..]);
        Git("commit", "--quiet", "-am", "MON-01 operates weekly");
    }

    public void Dispose() => repository.Dispose();

    [Theory]
    [InlineData("HEAD~1", "HEAD")]
    [InlineData("main", "HEAD")]
    [InlineData("main", "relax-monitoring")]
    public void Revisions_are_compared_as_models(string baseRevision, string headRevision)
    {
        var result = Evidence.Run(repository.Path, "diff", baseRevision, headRevision, "--fail-on", "regression");

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "catalogs/controls/operations.yaml(11,14): error ECD004: control 'MON-01' must now operate weekly instead of continuous (" + Compiler.Diff.DiffFindingClass.ControlCadenceRelaxed.HelpUri + ")",
                string.Empty,
                "controls:",
                "  ~ control MON-01  catalogs/controls/operations.yaml(11,14)",
                "      cadence: continuous → weekly",
                string.Empty,
                $"{baseRevision} → {headRevision}: 0 added, 0 removed, 1 changed; 1 finding (1 regression).",
            ],
            result.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_working_tree_and_index_are_untouched()
    {
        string controls = repository.Combine("catalogs/controls/incident.yaml");
        File.AppendAllText(controls, "# an edit not yet committed\n");
        string before = File.ReadAllText(controls);
        string status = Git("status", "--porcelain");

        var result = Evidence.Run(repository.Path, "diff", "main", "HEAD");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(before, File.ReadAllText(controls));
        Assert.Equal(status, Git("status", "--porcelain"));
        Assert.Equal("relax-monitoring", Git("rev-parse", "--abbrev-ref", "HEAD").Trim());
    }

    [Fact]
    public void A_revision_and_the_working_folder_can_be_compared()
    {
        string runbooks = repository.Combine("catalogs/runbooks/incident-response.yaml");
        File.WriteAllText(runbooks, File.ReadAllText(runbooks).Replace("responseMinutes: 15", "responseMinutes: 30", StringComparison.Ordinal));

        var result = Evidence.Run(repository.Path, "diff", "HEAD", "catalogs", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("ECD008", finding.GetProperty("id").GetString());
        Assert.Equal("catalogs/runbooks/incident-response.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(6, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_revision_that_does_not_compile_names_its_files_as_git_does()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "SevereRiskVendor", "zz-severe-risk.yaml"), repository.Combine(Scenarios.SevereVendorPath));
        Git("add", "catalogs");
        Git("commit", "--quiet", "-m", "A vendor at a risk level the schema does not know");

        var result = Evidence.Run(repository.Path, "diff", "main", "HEAD");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("HEAD:" + Scenarios.SevereVendorPath + "(6,11): error EC2006: " + Scenarios.SevereVendorMessage + Scenarios.HelpSuffix("EC2006"), lines[0]);
        Assert.StartsWith("evidence: HEAD does not compile: the catalogs of revision 'HEAD' (catalogs/ at ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(") has 1 error; fix them (see 'evidence validate') and run the diff again", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_without_the_catalog_folder_is_a_usage_error()
    {
        var result = Evidence.Run(repository.Path, "diff", "main", "HEAD", "--catalogs", "policies");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: revision 'main' has no folder 'policies' (or it is empty); give the catalog folder with --catalogs DIR\n", result.Stderr);
    }

    [Fact]
    public void An_unknown_revision_is_a_usage_error()
    {
        var result = Evidence.Run(repository.Path, "diff", "main", "no-such-branch");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: HEAD 'no-such-branch' is neither a folder nor a git revision; give a catalog folder, or a branch, tag or commit of the repository you run in\n", result.Stderr);
    }

    [Fact]
    public void A_revision_that_looks_like_an_option_is_not_one()
    {
        var result = Evidence.Run(repository.Path, "diff", "main", "--", "--output=/tmp/evidence-pwned");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("neither a folder nor a git revision", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/evidence-pwned"));
    }

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository.Path };
        foreach (string argument in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var git = ChildProcess.Run(start);
        return git.ExitCode == 0 ? git.Stdout : throw new InvalidOperationException("git " + string.Join(' ', arguments) + ": " + git.Stderr);
    }
}
