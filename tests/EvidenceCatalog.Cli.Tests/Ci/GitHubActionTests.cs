using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>
/// The steps of action.yml run as a GitHub runner runs them, on a throwaway pull request (<see cref="ActionRepository"/>):
/// the SARIF and the annotations of validate, the diff in the job summary and in the outputs, the exit codes the inputs ask for.
/// </summary>
public sealed class GitHubActionTests : IDisposable
{
    private const string Runbooks = "catalogs/runbooks/incident-response.yaml";

    private static readonly Dictionary<string, string> AsOfClean = new(StringComparer.Ordinal) { ["as-of"] = Scenarios.CleanAsOf };

    private readonly ActionDefinition action = ActionDefinition.Load();
    private ActionRepository? repository;

    public void Dispose() => repository?.Dispose();

    [Fact]
    public void Validate_writes_a_SARIF_file_named_by_an_output_and_passes_clean_catalogs()
    {
        repository = ActionRepository.WithCatalogsOnMain();

        var validate = repository.RunStep("validate", "pull_request", AsOfClean);

        Assert.Equal(0, validate.ExitCode);
        string sarif = action.Output("sarif-file", "validate", validate);
        Assert.Equal(Path.Combine(repository.RunnerTemp, "evidence", "evidence.sarif"), sarif);
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("evidence", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.Empty(run.GetProperty("results").EnumerateArray());
        Assert.Equal($"{RepositoryRoot.CatalogFileCount} files checked: no errors, no warnings.\n", validate.Stdout.Split('\n')[^2] + "\n");
    }

    [Fact]
    public void Validate_fails_on_an_invalid_catalog_with_an_annotation_and_a_SARIF_result_at_its_line()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.CommitNewFile(Scenarios.SevereVendorPath, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "SevereRiskVendor", "zz-severe-risk.yaml")), "A vendor at a risk level the schema does not know");

        var validate = repository.RunStep("validate", "pull_request", AsOfClean);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"::error file={Scenarios.SevereVendorPath},line=6,", validate.Stdout, StringComparison.Ordinal);
        using var log = JsonDocument.Parse(File.ReadAllText(action.Output("sarif-file", "validate", validate)));
        var result = Assert.Single(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("EC2006", result.GetProperty("ruleId").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(Scenarios.SevereVendorPath, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(6, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public void Strict_decides_whether_an_overdue_review_fails_validation(string strict, int exitCode)
    {
        repository = ActionRepository.WithCatalogsOnMain();

        var validate = repository.RunStep("validate", "push", new Dictionary<string, string> { ["as-of"] = Scenarios.OverdueAsOf, ["strict"] = strict });

        Assert.Equal(exitCode, validate.ExitCode);
        Assert.Contains("title=EC4001", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains(strict == "true" ? "::error file=catalogs/vendors/" : "::warning file=catalogs/vendors/", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_strict_that_is_not_a_boolean_is_refused()
    {
        repository = ActionRepository.WithCatalogsOnMain();

        var validate = repository.RunStep("validate", "push", new Dictionary<string, string> { ["strict"] = "yes" });

        Assert.Equal(2, validate.ExitCode);
        Assert.Equal("::error title=evidence action::input 'strict' is 'yes'; give true or false\n", validate.Stdout);
    }

    [Fact]
    public void A_pull_request_with_a_regression_gets_the_diff_in_the_summary_and_the_outputs_and_fails()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.Commit(Runbooks, "responseMinutes: 15", "responseMinutes: 30", "P1 responses within 30 minutes");

        var diff = repository.RunStep("diff", "pull_request");

        Assert.Equal(1, diff.ExitCode);
        string markdown = Evidence.Run(repository.Checkout, "diff", "origin/main", "HEAD", "--format", "markdown", "--fail-on", "regression").Stdout;
        Assert.StartsWith("### Catalog diff: `origin/main` → `HEAD`", markdown, StringComparison.Ordinal);
        Assert.Contains("ECD008", markdown, StringComparison.Ordinal);
        Assert.Equal(markdown, diff.Summary);
        Assert.Equal(markdown.TrimEnd('\n'), action.Output("diff-markdown", "diff", diff));
        Assert.Equal(markdown, File.ReadAllText(action.Output("diff-file", "diff", diff)));
        Assert.Contains($"::error file={Runbooks},line=6,col=22,endLine=6,endColumn=24,title=ECD008 Runbook SLA lengthened::", diff.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, diff.Stderr);
    }

    [Fact]
    public void Fail_on_none_reports_the_same_regression_and_passes()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.Commit(Runbooks, "responseMinutes: 15", "responseMinutes: 30", "P1 responses within 30 minutes");

        var diff = repository.RunStep("diff", "pull_request", new Dictionary<string, string> { ["fail-on"] = "none" });

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("ECD008", diff.Summary, StringComparison.Ordinal);
        Assert.Contains("::warning file=" + Runbooks, diff.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regression", 0)]
    [InlineData("finding", 1)]
    public void A_finding_that_is_not_a_regression_fails_only_under_fail_on_finding(string failOn, int exitCode)
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.Commit("catalogs/controls/governance.yaml", "cadence: quarterly", "cadence: monthly", "GOV-01 meets monthly");

        var diff = repository.RunStep("diff", "pull_request", new Dictionary<string, string> { ["fail-on"] = failOn });

        Assert.Equal(exitCode, diff.ExitCode);
        Assert.Contains("ECD005", diff.Summary, StringComparison.Ordinal);
        Assert.Contains("ECD005", action.Output("diff-markdown", "diff", diff), StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkout_without_the_base_branch_fetches_it()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.Commit(Runbooks, "responseMinutes: 15", "responseMinutes: 30", "P1 responses within 30 minutes");
        repository.Git(repository.Checkout, "update-ref", "-d", "refs/remotes/origin/main");

        var diff = repository.RunStep("diff", "pull_request");

        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("ECD008", diff.Summary, StringComparison.Ordinal);
        Assert.Equal(repository.Git(repository.Upstream, "rev-parse", "main"), repository.Git(repository.Checkout, "rev-parse", "origin/main"));
    }

    [Fact]
    public void The_first_pull_request_that_adds_the_catalogs_skips_the_diff_with_a_notice()
    {
        repository = ActionRepository.WithoutCatalogsOnMain();
        repository.Git(repository.Checkout, "add", "catalogs");
        repository.Git(repository.Checkout, "commit", "--quiet", "-m", "The catalogs");

        var validate = repository.RunStep("validate", "pull_request", AsOfClean);
        var diff = repository.RunStep("diff", "pull_request");

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(0, diff.ExitCode);
        const string Why = "The base branch `main` has no `catalogs` folder: this pull request adds the catalogs, so there is nothing to compare them with.";
        Assert.Equal("::notice title=evidence diff skipped::" + Why + "\n", diff.Stdout);
        Assert.Equal("### Catalog diff\n\n" + Why + "\n", diff.Summary);
        Assert.Equal(string.Empty, action.Output("diff-markdown", "diff", diff));
        Assert.Equal(string.Empty, action.Output("diff-file", "diff", diff));
    }

    [Fact]
    public void A_base_branch_whose_catalogs_do_not_compile_does_not_fail_the_pull_request_that_fixes_them()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        string upstreamVendor = Path.Combine(repository.Upstream, Scenarios.SevereVendorPath);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "SevereRiskVendor", "zz-severe-risk.yaml"), upstreamVendor);
        repository.Git(repository.Upstream, "add", ".");
        repository.Git(repository.Upstream, "commit", "--quiet", "-m", "A vendor at a risk level the schema does not know");
        repository.Git(repository.Checkout, "fetch", "--quiet", "origin");

        var diff = repository.RunStep("diff", "pull_request");

        Assert.Equal(0, diff.ExitCode);
        Assert.StartsWith("origin/main:" + Scenarios.SevereVendorPath + "(6,11): error EC2006: ", diff.Stderr, StringComparison.Ordinal);
        Assert.Contains("::warning title=evidence diff skipped::the catalogs of the base branch 'main' do not compile", diff.Stdout, StringComparison.Ordinal);
        Assert.Equal("### Catalog diff\n\nThe catalogs of the base branch `main` do not compile, so there is nothing to compare with.\n", diff.Summary);
    }

    [Fact]
    public void A_head_that_does_not_compile_fails_the_diff_with_evidences_message_in_the_summary()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.CommitNewFile(Scenarios.SevereVendorPath, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "SevereRiskVendor", "zz-severe-risk.yaml")), "A vendor at a risk level the schema does not know");

        var diff = repository.RunStep("diff", "pull_request");

        Assert.Equal(2, diff.ExitCode);
        Assert.Contains("evidence: HEAD does not compile", diff.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("### Catalog diff\n\n`evidence diff` could not run (exit 2):\n\n```\nHEAD:" + Scenarios.SevereVendorPath + "(6,11): error EC2006: ", diff.Summary, StringComparison.Ordinal);
        Assert.Equal(string.Empty, action.Output("diff-markdown", "diff", diff));
    }

    [Fact]
    public void A_push_runs_no_diff()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.Commit(Runbooks, "responseMinutes: 15", "responseMinutes: 30", "P1 responses within 30 minutes");

        var diff = repository.RunStep("diff", "push");

        Assert.Equal(0, diff.ExitCode);
        Assert.Equal("evidence diff runs on pull requests only; this is a 'push' event.\n", diff.Stdout);
        Assert.Equal(string.Empty, diff.Summary);
        Assert.Empty(diff.Outputs);
    }

    [Fact]
    public void A_pull_request_target_event_compares_nothing_and_says_why()
    {
        repository = ActionRepository.WithCatalogsOnMain();
        repository.Commit(Runbooks, "responseMinutes: 15", "responseMinutes: 30", "P1 responses within 30 minutes");

        var diff = repository.RunStep("diff", "pull_request_target");

        Assert.Equal(0, diff.ExitCode);
        Assert.StartsWith("::notice title=evidence diff skipped::On a pull_request_target event the checkout is the base branch", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("run this action on pull_request.", diff.Summary, StringComparison.Ordinal);
        Assert.Equal(string.Empty, action.Output("diff-markdown", "diff", diff));
    }

    [Fact]
    public void A_base_whose_catalog_folder_holds_no_catalog_yet_is_compared_as_an_empty_model()
    {
        // Not the first pull request of the skip above: the folder exists on the base, so evidence diff compiles it (to
        // nothing) and every entry of the pull request is added, judged as any added entry is (a high-risk vendor without
        // a current SOC 2 report is a finding).
        repository = ActionRepository.WithoutCatalogsOnMain();
        Directory.CreateDirectory(Path.Combine(repository.Upstream, "catalogs"));
        File.WriteAllText(Path.Combine(repository.Upstream, "catalogs", "README.md"), "The compliance catalogs will live here.\n");
        repository.Git(repository.Upstream, "add", ".");
        repository.Git(repository.Upstream, "commit", "--quiet", "-m", "Where the catalogs will be");
        repository.Git(repository.Checkout, "fetch", "--quiet", "origin");
        repository.Git(repository.Checkout, "add", "catalogs");
        repository.Git(repository.Checkout, "commit", "--quiet", "-m", "The catalogs");

        var diff = repository.RunStep("diff", "pull_request");

        var expected = Evidence.Run(repository.Checkout, "diff", "origin/main", "HEAD", "--format", "markdown", "--fail-on", "regression");
        Assert.Equal(expected.ExitCode, diff.ExitCode);
        Assert.Equal(expected.Stdout, diff.Summary);
        Assert.Contains(" added, 0 removed, 0 changed.", diff.Summary, StringComparison.Ordinal);
    }
}
