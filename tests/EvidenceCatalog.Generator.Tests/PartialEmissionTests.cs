using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>
/// One broken entry leaves the rest of its file in the generated code: the build fails with the EC error at the
/// YAML line only, never with CS0117 in the code that uses the entries that were valid.
/// </summary>
public sealed class PartialEmissionTests
{
    private const string UsesStripe = """
        namespace Host
        {
            public static class Billing
            {
                public static EvidenceCatalog.Model.Vendor PaymentProcessor => EvidenceCatalog.Catalogs.VendorRegister.Stripe;
                public static EvidenceCatalog.Model.Vendor Email => EvidenceCatalog.Catalogs.VendorRegister.Sendgrid;
                public static int Vendors => EvidenceCatalog.Catalogs.VendorRegister.All.Length;
            }
        }
        """;

    [Fact]
    public void A_broken_vendor_fails_the_build_at_its_yaml_line_and_the_valid_vendors_are_still_generated()
    {
        var catalogs = Edit("vendors.yaml", "  - id: redis-cloud\n", "risk: medium", "risk: severe");
        var run = new GeneratorHarness().WithCatalogs(catalogs.Files).WithSchemas(RepositoryFiles.Schemas()).Run(GeneratorHarness.HostCompilation(UsesStripe));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal(("EC2006", DiagnosticSeverity.Error), (error.Id, error.Severity));
        var span = error.Location.GetLineSpan();
        Assert.Equal((catalogs.EditedPath, catalogs.EditedLine), (span.Path, span.StartLinePosition.Line + 1));

        // The consumer compiles: every error of the build is the catalog's.
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var register = GeneratedSource(run.Output, "VendorRegister");
        Assert.DoesNotContain("RedisCloud", register, StringComparison.Ordinal);
        Assert.Contains("Stripe", register, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_that_uses_the_broken_entry_itself_is_the_only_csharp_error()
    {
        var catalogs = Edit("vendors.yaml", "  - id: redis-cloud\n", "risk: medium", "risk: severe");
        var host = UsesStripe.Replace("VendorRegister.Sendgrid", "VendorRegister.RedisCloud", StringComparison.Ordinal);
        var run = new GeneratorHarness().WithCatalogs(catalogs.Files).WithSchemas(RepositoryFiles.Schemas()).Run(GeneratorHarness.HostCompilation(host));

        Assert.Equal("EC2006", Assert.Single(run.Diagnostics).Id);
        var csharp = Assert.Single(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS0117", csharp.Id);
        Assert.Contains("RedisCloud", csharp.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void References_to_a_left_out_entry_are_not_reported_again()
    {
        // Runbook steps and role mappings name 'admin'; its own error is the one to fix, so no EC3xxx cascades from it.
        var catalogs = Edit("access-model.yaml", "  - id: admin\n", "level: 80", "level: high");
        var run = new GeneratorHarness().WithCatalogs(catalogs.Files).WithSchemas(RepositoryFiles.Schemas()).Run();

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("EC2005", error.Id);
        Assert.Equal(catalogs.EditedLine, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var access = GeneratedSource(run.Output, "AccessModel");
        Assert.DoesNotContain("Admin =", access, StringComparison.Ordinal);
        Assert.Contains("Owner =", access, StringComparison.Ordinal);
        Assert.Contains("Auditor =", access, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_outside_every_entry_leaves_the_whole_file_out()
    {
        var catalogs = Edit("vendors.yaml", "kind: vendors\n", "kind: vendors", "kind: vendors\nvendorz: []");
        var run = new GeneratorHarness().WithCatalogs(catalogs.Files).WithSchemas(RepositoryFiles.Schemas()).Run();

        Assert.Equal("EC2003", Assert.Single(run.Diagnostics).Id);
        Assert.DoesNotContain("Stripe", GeneratedSource(run.Output, "VendorRegister"), StringComparison.Ordinal);
    }

    private static string GeneratedSource(Compilation output, string hintName) =>
        output.SyntaxTrees.Single(t => t.FilePath.EndsWith(hintName + ".g.cs", StringComparison.Ordinal)).ToString();

    private sealed record EditedCatalogs(IReadOnlyList<SourceFile> Files, string EditedPath, int EditedLine);

    /// <summary>The sample catalogs with the first <paramref name="find"/> after <paramref name="anchor"/> in <paramref name="fileName"/> replaced.</summary>
    private static EditedCatalogs Edit(string fileName, string anchor, string find, string replacement)
    {
        var files = RepositoryFiles.SampleCatalogs().ToList();
        int which = files.FindIndex(f => f.Path.EndsWith("/" + fileName, StringComparison.Ordinal));
        var file = files[which];
        int at = file.Text.IndexOf(find, file.Text.IndexOf(anchor, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at >= 0, find + " not found in " + fileName);
        files[which] = new SourceFile(file.Path, file.Text.Substring(0, at) + replacement + file.Text.Substring(at + find.Length));
        int line = file.Text.Take(at).Count(c => c == '\n') + 1 + (replacement.StartsWith(find + "\n", StringComparison.Ordinal) ? 1 : 0);
        return new EditedCatalogs(files, file.Path, line);
    }
}
