using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Every diagnostic carries an absolute help link, built from the one RepositoryUrl the build sets.</summary>
public sealed class HelpLinkTests
{
    [Fact]
    public void The_repository_url_is_the_one_Directory_Build_props_sets()
    {
        var props = XDocument.Load(Path.Combine(RepositoryFiles.Root, "Directory.Build.props"));
        string configured = props.Descendants("RepositoryUrl").Single().Value;

        Assert.Equal(configured.TrimEnd('/'), HelpLinks.RepositoryUrl);
        Assert.StartsWith("https://", HelpLinks.RepositoryUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_diagnostic_links_to_its_page_on_the_main_branch_of_the_repository()
    {
        Assert.All(DiagnosticDescriptors.All, d =>
        {
            Assert.Equal(HelpLinks.RepositoryUrl + "/blob/main/docs/diagnostics/" + d.Id + ".md", d.HelpUri);
            Assert.True(Uri.TryCreate(d.HelpUri, UriKind.Absolute, out _), d.HelpUri);
        });
    }

    [Fact]
    public void The_printed_line_ends_with_the_help_link_in_parentheses()
    {
        var diagnostic = CatalogDiagnostic.Create(DiagnosticDescriptors.DuplicateKey, "catalogs/vendors/vendors.yaml", SourceSpan.At(6, 5), "name", 5);

        Assert.Equal(
            "catalogs/vendors/vendors.yaml(6,5): error EC1004: the key 'name' is already defined at line 5 of this mapping; remove or rename one of them ("
                + HelpLinks.RepositoryUrl + "/blob/main/docs/diagnostics/EC1004.md)",
            diagnostic.ToString());
    }

    [Fact]
    public void A_diagnostic_about_no_file_prints_without_a_location_as_the_csharp_compiler_does()
    {
        var diagnostic = CatalogDiagnostic.Create(DiagnosticDescriptors.InvalidBuildProperty, string.Empty, SourceSpan.FileStart, "EvidenceCatalogStrict", "yes", "'true' or 'false'", "it is taken as false");

        Assert.Equal(
            "error EC5002: the build property EvidenceCatalogStrict is 'yes', which is not 'true' or 'false'; it is taken as false (" + DiagnosticDescriptors.InvalidBuildProperty.HelpUri + ")",
            diagnostic.ToString());
    }
}
