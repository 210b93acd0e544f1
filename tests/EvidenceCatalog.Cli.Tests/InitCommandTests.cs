using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence init</c>: a new organisation's catalogs that validate under <c>--strict</c> as written, with and without
/// shipped sources, every file with its <c>$schema</c> header pointing at a schema init wrote too; it never overwrites.
/// </summary>
public sealed class InitCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    private static CliResult Run(CatalogWorkspace workspace, params string[] args) => Evidence.Run(workspace.Path, Clock, args);

    [Theory]
    [InlineData(new string[0], 8)]
    [InlineData(new[] { "--sources", "aws-cloudtrail,okta" }, 10)]
    [InlineData(new[] { "--sources", "aws-cloudtrail,okta-system-log,github-audit-log,google-workspace,kubernetes-audit,gke-cloud-audit,entra-id-signin,ocsf" }, 16)]
    public void A_new_organisation_validates_strictly_as_written(string[] sources, int catalogFiles)
    {
        using var workspace = CatalogWorkspace.Empty();

        var init = Run(workspace, ["init", "acme", "--org-id", "acme-cloud", "--org-name", "Acme \"Cloud\", Inc. — Zürich", .. sources]);

        Assert.True(init.ExitCode == 0, init.Stderr + init.Stdout);
        Assert.Equal($"wrote {catalogFiles} catalog files and 9 schemas to acme: 0 errors, 0 warnings", init.StdoutLines[0]);
        var validate = Run(workspace, "validate", "--strict", "acme/catalogs");
        Assert.True(validate.ExitCode == 0, validate.Stderr + validate.Stdout);
        Assert.Equal(catalogFiles + " files checked: no errors, no warnings.", validate.StdoutLines[^1]);

        foreach (string file in Directory.GetFiles(workspace.Combine("acme/catalogs"), "*.yaml", SearchOption.AllDirectories))
        {
            string header = File.ReadLines(file).First();
            Assert.StartsWith("# yaml-language-server: $schema=../../schemas/", header, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, header["# yaml-language-server: $schema=".Length..]))), file + " points at a schema init did not write");
        }

        string policies = File.ReadAllText(workspace.Combine("acme/catalogs/policies/policies.yaml"));
        Assert.Contains("  id: acme-cloud\n", policies, StringComparison.Ordinal);
        Assert.Contains("  name: \"Acme \\\"Cloud\\\", Inc. — Zürich\"\n", policies, StringComparison.Ordinal);
        Assert.Contains("vendors: []", File.ReadAllText(workspace.Combine("acme/catalogs/vendors/vendors.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain("northwind", string.Concat(Directory.GetFiles(workspace.Combine("acme/catalogs"), "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_sources_it_writes_read_the_shared_samples_into_the_new_organisations_account()
    {
        using var workspace = CatalogWorkspace.Empty();
        Assert.Equal(0, Run(workspace, "init", "--org-id", "acme-cloud", "--org-name", "Acme", "--sources", "aws-cloudtrail").ExitCode);

        var report = Run(workspace, "report", "--events", Sample(CloudTrail), "--source", "aws-cloudtrail", "--org", "acme-cloud", "--from", "2019-01-01", "--to", "2026-11-30", "--output", "report.json");

        Assert.True(report.ExitCode == 0, report.Stderr + report.Stdout);
        Assert.Contains(" 0 other accounts)", report.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted 0 ", report.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void It_refuses_to_overwrite_and_writes_nothing()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("catalogs/vendors/vendors.yaml", "kind: vendors\nvendors: []\n");

        var init = Run(workspace, "init", "--org-id", "acme-cloud", "--org-name", "Acme");

        Assert.Equal(ExitCodes.UsageOrInputError, init.ExitCode);
        Assert.Contains("1 of the files init writes already exist in . (catalogs/vendors/vendors.yaml); nothing was written", init.Stderr, StringComparison.Ordinal);
        Assert.Equal(["vendors.yaml"], Directory.GetFiles(workspace.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--org-id", "Acme Cloud", "is not an organisation id")]
    [InlineData("--sources", "oktaa", "there is no shipped source 'oktaa'; the shipped sources are: aws-cloudtrail, ")]
    [InlineData("--sources", "g", "there is no shipped source 'g'")]
    public void Bad_arguments_are_refused_with_what_to_do(string option, string value, string message)
    {
        using var workspace = CatalogWorkspace.Empty();
        string[] args = option == "--org-id"
            ? ["init", "--org-id", value, "--org-name", "Acme"]
            : ["init", "--org-id", "acme", "--org-name", "Acme", option, value];

        var init = Run(workspace, args);

        Assert.Equal(ExitCodes.UsageOrInputError, init.ExitCode);
        Assert.Contains(message, init.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(workspace.Path, "*", SearchOption.AllDirectories));
    }
}
