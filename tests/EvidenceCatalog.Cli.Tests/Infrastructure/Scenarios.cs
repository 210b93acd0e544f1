using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>The catalogs and dates the tests share, named once.</summary>
internal static class Scenarios
{
    /// <summary>The date the repository's catalogs are valid as of, with no warnings.</summary>
    public const string CleanAsOf = "2026-11-23";

    /// <summary>Far enough ahead that every vendor review is overdue (EC4001 warnings).</summary>
    public const string OverdueAsOf = "2030-01-01";

    /// <summary>Where the severe-risk vendor fixture is put, and the EC2006 it causes.</summary>
    public const string SevereVendorPath = "catalogs/vendors/zz-severe-risk.yaml";

    public const string SevereVendorMessage = "'risk' is 'severe', which is not allowed; use one of: critical, high, medium, low";

    /// <summary>How a text line ends: the help page of its id, in parentheses, under the repository the build names.</summary>
    public static string HelpSuffix(string id) => " (" + HelpLinks.RepositoryUrl + "/blob/main/docs/diagnostics/" + id + ".md)";

    /// <summary>The repository's catalogs plus one vendor whose risk level the schema does not allow (line 6, column 11).</summary>
    public static CatalogWorkspace WithSevereRiskVendor()
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddFixture("SevereRiskVendor/zz-severe-risk.yaml", SevereVendorPath);
        return workspace;
    }
}
