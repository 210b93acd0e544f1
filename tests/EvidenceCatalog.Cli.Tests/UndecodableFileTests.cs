using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class UndecodableFileTests
{
    [Fact]
    public void A_file_that_is_not_utf8_is_reported_as_EC1008_and_the_other_files_are_still_checked()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();
        // "café" saved as Latin-1: 0xE9 on line 3, after "  # caf".
        workspace.AddBytes("catalogs/vendors/latin1.yaml", [.. "kind: vendors\nvendors: []\n  # caf"u8, 0xE9, (byte)'\n']);

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(
            [
                "catalogs/vendors/latin1.yaml(3,8): error EC1008: the file is not valid UTF-8 (byte 0xE9 at offset 33); save it as UTF-8" + Scenarios.HelpSuffix("EC1008"),
                Scenarios.SevereVendorPath + "(6,11): error EC2006: " + Scenarios.SevereVendorMessage + Scenarios.HelpSuffix("EC2006"),
                (RepositoryRoot.CatalogFileCount + 2) + " files checked: 2 errors, no warnings.",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void A_file_with_a_utf8_byte_order_mark_is_read()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string vendors = workspace.Combine("catalogs/vendors/vendors.yaml");
        workspace.AddBytes("catalogs/vendors/vendors.yaml", [0xEF, 0xBB, 0xBF, .. System.IO.File.ReadAllBytes(vendors)]);

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([RepositoryRoot.CatalogFileCount + " files checked: no errors, no warnings."], result.StdoutLines);
    }
}
