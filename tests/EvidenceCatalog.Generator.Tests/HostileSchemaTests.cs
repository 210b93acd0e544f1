using System;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>Schemas written to break the build: each is an EC diagnostic from the generator, never a crash (CS8785) or a hang.</summary>
public sealed class HostileSchemaTests
{
    [Fact]
    public void A_schema_that_refers_to_itself_at_its_top_is_EC2108_not_a_generator_crash()
    {
        var schemas = RepositoryFiles.Schemas()
            .Select(s => s.Path.EndsWith("vendors.schema.json", StringComparison.Ordinal) ? new SourceFile(s.Path, "{\n  \"$ref\": \"#\"," + s.Text[1..]) : s);

        var run = Bounded.Within(() => new GeneratorHarness().WithCatalogs(RepositoryFiles.SampleCatalogs()).WithSchemas(schemas).Run());

        // The vendors catalog then has no schema (EC2001); nothing else is reported, and nothing crashed (CS8785).
        Assert.Equal(["EC2001", "EC2108"], run.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "EC2108");
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("vendors.schema.json", span.Path, StringComparison.Ordinal);
        Assert.Equal((2, 3), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void The_catastrophic_pattern_of_the_report_does_not_hang_the_build()
    {
        // ^(a+)+$ hung dotnet build through the generator: here 40 characters against a vendor id.
        var run = Bounded.Within(() => HarnessWithVendorIdPattern("^(a+)+$").Run());

        Assert.Contains(run.Diagnostics, d => d.Id is "EC2007" or "EC2010" && d.Location.GetLineSpan().Path == "zz-hostile.yaml");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_is_EC2010_at_the_value_and_EC2109_at_the_keyword()
    {
        var run = Bounded.Within(() => HarnessWithVendorIdPattern("^(?!x)(a+)+$").Run());

        var atValue = Assert.Single(run.Diagnostics, d => d.Id == "EC2010" && d.Location.GetLineSpan().Path == "zz-hostile.yaml");
        Assert.Equal((3, 9), (atValue.Location.GetLineSpan().StartLinePosition.Line + 1, atValue.Location.GetLineSpan().StartLinePosition.Character + 1));
        var atKeyword = Assert.Single(run.Diagnostics, d => d.Id == "EC2109" && d.Location.GetLineSpan().StartLinePosition.Line + 1 == 49);
        Assert.EndsWith("vendors.schema.json", atKeyword.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }

    private static GeneratorHarness HarnessWithVendorIdPattern(string pattern)
    {
        var schemas = RepositoryFiles.Schemas().Select(s => s.Path.EndsWith("vendors.schema.json", StringComparison.Ordinal)
            ? new SourceFile(s.Path, s.Text.Replace("\"pattern\": \"^[a-z][a-z0-9]*(-[a-z0-9]+)*$\"", "\"pattern\": \"" + pattern + "\"", StringComparison.Ordinal))
            : s);
        var hostile = new SourceFile("zz-hostile.yaml", VendorEntry.Catalog(new string('a', 40) + "b"));
        return new GeneratorHarness().WithCatalogs(RepositoryFiles.SampleCatalogs().Append(hostile)).WithSchemas(schemas);
    }
}
