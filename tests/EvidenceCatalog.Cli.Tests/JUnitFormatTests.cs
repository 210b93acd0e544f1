using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using EvidenceCatalog.Cli.Tests.Diff;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>--format junit</c> of <c>validate</c> (a test case per file) and <c>diff</c> (a test case per finding), valid
/// against the Apache Ant JUnit schema and Jenkins' junit-10.xsd (tests/EvidenceCatalog.Cli.Tests/Schemas/README.md).
/// </summary>
public sealed class JUnitFormatTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_writes_a_passing_case_per_file_when_the_catalogs_are_clean()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, Clock, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "junit");

        Assert.Equal(0, result.ExitCode);
        var suite = ValidSuite(result.Stdout);
        Assert.Equal(RepositoryRoot.CatalogFileCount.ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("tests")!.Value);
        Assert.Equal("0", suite.Attribute("failures")!.Value);
        Assert.Equal("2026-11-23T09:30:00", suite.Attribute("timestamp")!.Value);
        Assert.Contains(suite.Elements("testcase"), c => c.Attribute("name")!.Value == "catalogs/vendors/vendors.yaml");
    }

    [Fact]
    public void Validate_fails_the_case_of_a_file_with_errors_and_carries_its_diagnostics()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, Clock, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "junit");

        Assert.Equal(1, result.ExitCode);
        var suite = ValidSuite(result.Stdout);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var failed = suite.Elements("testcase").Single(c => c.Element("failure") is not null);
        Assert.Equal(Scenarios.SevereVendorPath, failed.Attribute("name")!.Value);
        var failure = failed.Element("failure")!;
        Assert.Equal("EC2006", failure.Attribute("type")!.Value);
        Assert.Equal("1 error: " + Scenarios.SevereVendorMessage, failure.Attribute("message")!.Value);
        Assert.Equal(Scenarios.SevereVendorPath + "(6,11): error EC2006: " + Scenarios.SevereVendorMessage + Scenarios.HelpSuffix("EC2006"), failure.Value);
    }

    [Fact]
    public void Validate_keeps_warnings_out_of_failures_but_in_the_suites_output()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, Clock, "validate", "--as-of", Scenarios.OverdueAsOf, "--format", "junit");

        Assert.Equal(0, result.ExitCode);
        var suite = ValidSuite(result.Stdout);
        Assert.Equal("0", suite.Attribute("failures")!.Value);
        Assert.Contains("warning EC4001", suite.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_writes_a_case_per_finding_failed_for_regressions()
    {
        using var workspace = DiffWorkspace.For("ECD009-role-gained-privileged-permission");
        DiffWorkspace.Copy(Path.Combine(DiffWorkspace.FixturesRoot, "ECD005-control-cadence-tightened", "before"), workspace.Combine("base"));
        DiffWorkspace.Copy(Path.Combine(DiffWorkspace.FixturesRoot, "ECD005-control-cadence-tightened", "after"), workspace.Combine("head"));

        var result = Evidence.Run(workspace.Path, Clock, "diff", "base", "head", "--format", "junit");

        Assert.Equal(0, result.ExitCode);
        var suite = ValidSuite(result.Stdout);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(3, cases.Count);
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        Assert.Equal(["ECD005", "ECD009", "ECD009"], cases.Select(c => c.Attribute("name")!.Value[..6]));
        Assert.Null(cases[0].Element("failure"));
        Assert.Equal("evidence.diff.access", cases[1].Attribute("classname")!.Value);
        Assert.Equal("ECD009", cases[1].Element("failure")!.Attribute("type")!.Value);
        Assert.StartsWith("head/access/zz-fixture.yaml(11,9): role 'contractor' (level 12) gained 'audit:read'", cases[1].Element("failure")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_without_findings_is_one_passing_case()
    {
        using var workspace = DiffWorkspace.For("none");

        var result = Evidence.Run(workspace.Path, Clock, "diff", "base", "head", "--format", "junit");

        var testCase = Assert.Single(ValidSuite(result.Stdout).Elements("testcase"));
        Assert.Equal("no findings", testCase.Attribute("name")!.Value);
    }

    [Fact]
    public void Control_characters_in_a_catalog_cannot_make_the_xml_invalid()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddFixture("ControlCharacters/zz-control-characters.yaml", "catalogs/vendors/zz-control-characters.yaml");

        var result = Evidence.Run(workspace.Path, Clock, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "junit");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1", ValidSuite(result.Stdout).Attribute("failures")!.Value);
    }

    /// <summary>The report's one test suite, after checking the document against both schemas.</summary>
    private static XElement ValidSuite(string xml)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites>", xml, StringComparison.Ordinal);
        foreach (string schema in new[] { "ant-junit.xsd", "jenkins-junit-10.xsd" })
        {
            var schemas = new XmlSchemaSet { XmlResolver = null };
            using (var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Schemas", schema), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            {
                schemas.Add(null, reader);
            }

            var errors = new System.Collections.Generic.List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
            settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
            settings.ValidationEventHandler += (_, e) => errors.Add(schema + " line " + e.Exception.LineNumber + ": " + e.Message);
            using (var reader = XmlReader.Create(new StringReader(xml), settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.Empty(errors);
        }

        return Assert.Single(XDocument.Parse(xml).Root!.Elements("testsuite"));
    }
}
