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
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_schema_that_refers_to_itself_at_its_top_is_EC2108_not_a_generator_crash()
    {
        var schemas = RepositoryFiles.Schemas()
            .Select(s => s.Path.EndsWith("vendors.schema.json", StringComparison.Ordinal) ? new SourceFile(s.Path, "{\n  \"$ref\": \"#\"," + s.Text[1..]) : s);

        var run = Bounded.Within(Deadline, () => new GeneratorHarness().WithCatalogs(RepositoryFiles.SampleCatalogs()).WithSchemas(schemas).Run());

        // The vendors catalog then has no schema (EC2001); nothing else is reported, and nothing crashed (CS8785).
        Assert.Equal(["EC2001", "EC2108"], run.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "EC2108");
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("vendors.schema.json", span.Path, StringComparison.Ordinal);
        Assert.Equal((2, 3), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
