using System.Linq;
using System.Text;
using System.Threading;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>The diagnostics only the generator reports (EC5xxx): naming collisions, build properties, file encodings.</summary>
public sealed class GeneratorDiagnosticTests
{
    [Fact]
    public void Two_ids_with_one_csharp_name_are_EC5001_at_the_second_and_still_compile()
    {
        var catalogs = RepositoryFiles.SampleCatalogs().Append(new SourceFile("extra-vendors.yaml", VendorEntry.Catalog("acme-1", "acme1")));
        var run = new GeneratorHarness().WithCatalogs(catalogs).WithSchemas(RepositoryFiles.Schemas()).Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EC5001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("extra-vendors.yaml", 13, 9), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("Acme1", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Under_strict_a_name_collision_is_an_error()
    {
        var catalogs = RepositoryFiles.SampleCatalogs().Append(new SourceFile("extra-vendors.yaml", VendorEntry.Catalog("acme-1", "acme1")));
        var run = new GeneratorHarness().WithCatalogs(catalogs).WithSchemas(RepositoryFiles.Schemas()).WithOption("EvidenceCatalogStrict", "true").Run();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("EC5001", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void Invalid_bytes_the_compiler_replaced_with_U_FFFD_are_EC5004_at_the_first_one()
    {
        var run = new GeneratorHarness().WithSampleCatalogs()
            .WithCatalogs([new SourceFile("replaced.yaml", "kind: vendors\nvendors:\n  - id: caf\uFFFD\n")])
            .Run();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EC5004", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("replaced.yaml", 3, 12), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void An_invalid_as_of_date_is_EC5002()
    {
        var run = new GeneratorHarness().WithSampleCatalogs().WithOption("EvidenceCatalogAsOf", "2026-13-01").Run();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EC5002", diagnostic.Id);
        Assert.Contains("EvidenceCatalogAsOf", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_catalog_the_compiler_did_not_read_as_utf8_is_EC5004()
    {
        var harness = new GeneratorHarness().WithSampleCatalogs();
        var host = GeneratorHarness.HostCompilation();
        var driver = harness.CreateDriver().AddAdditionalTexts([new Latin1Text("latin1.yaml", "kind: vendors\nvendors: []\n")]);
        driver.RunGeneratorsAndUpdateCompilation(host, out _, out var diagnostics, CancellationToken.None);

        // Without EvidenceCatalogItem metadata a file is no input of the generator, whatever its name or encoding.
        Assert.DoesNotContain(diagnostics, d => d.Id == "EC5004");
        var tagged = new GeneratorHarness().WithSampleCatalogs().WithCatalogs([new SourceFile("latin1.yaml", string.Empty)]);
        var replaced = tagged.CreateDriver().ReplaceAdditionalText(tagged.FileAt("latin1.yaml"), new Latin1Text("latin1.yaml", "kind: vendors\nvendors: []\n"));
        replaced.RunGeneratorsAndUpdateCompilation(host, out _, out var withItem, CancellationToken.None);
        var diagnostic = Assert.Single(withItem);
        Assert.Equal("EC5004", diagnostic.Id);
        Assert.Equal("latin1.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    /// <summary>A file as the C# compiler hands it over when it was not valid UTF-8: decoded in a legacy code page.</summary>
    private sealed class Latin1Text : AdditionalText
    {
        private readonly SourceText text;

        public Latin1Text(string path, string content)
        {
            Path = path;
            text = SourceText.From(content, Encoding.Latin1);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
