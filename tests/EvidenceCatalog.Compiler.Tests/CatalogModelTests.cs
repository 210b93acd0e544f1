using System.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The model is an immutable value: equal catalogs give equal models and the same fingerprint, whatever the file order.</summary>
public sealed class CatalogModelTests
{
    private static CompilationResult Compile(System.Collections.Generic.IEnumerable<SourceFile> files) =>
        CatalogCompiler.Compile(files, RepositoryFiles.Schemas.Value, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23) });

    [Fact]
    public void Compiling_twice_gives_equal_models_and_fingerprints()
    {
        var first = Compile(RepositoryFiles.SampleCatalogs());
        var second = Compile(RepositoryFiles.SampleCatalogs());
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Model.Fingerprint, second.Model.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", first.Model.Fingerprint);
    }

    [Fact]
    public void Fingerprint_ignores_file_order_and_file_paths()
    {
        var files = RepositoryFiles.SampleCatalogs();
        var moved = files.Reverse().Select(f => f with { Path = "elsewhere/" + f.Path.Replace('/', '_') }).ToList();
        Assert.Equal(Compile(files).Model.Fingerprint, Compile(moved).Model.Fingerprint);
    }

    [Fact]
    public void Fingerprint_changes_when_a_value_changes()
    {
        var files = RepositoryFiles.SampleCatalogs();
        var vendors = files.Single(f => f.Path.EndsWith("vendors.yaml", System.StringComparison.Ordinal));
        var changed = files.Select(f => f == vendors ? f with { Text = f.Text.Replace("risk: critical", "risk: high") } : f).ToList();
        Assert.NotEqual(vendors.Text, changed.Single(f => f.Path == vendors.Path).Text);
        Assert.NotEqual(Compile(files).Model.Fingerprint, Compile(changed).Model.Fingerprint);
        Assert.NotEqual(Compile(files).Model, Compile(changed).Model);
    }

    [Fact]
    public void Fingerprint_ignores_comments_and_formatting()
    {
        var files = RepositoryFiles.SampleCatalogs();
        var commented = files.Select(f => f with { Text = "# reviewed by security\n\n" + f.Text + "\n# end of file\n" }).ToList();
        Assert.Equal(Compile(files).Model.Fingerprint, Compile(commented).Model.Fingerprint);
    }

    [Fact]
    public void Model_keeps_declaration_order_within_a_file()
    {
        var model = Compile(RepositoryFiles.SampleCatalogs()).Model;
        var soc2 = model.Frameworks.Single(f => f.Id == "soc2");
        Assert.Equal("CC1.1", soc2.Criteria[0].Id);
        Assert.Equal("P8.1", soc2.Criteria[soc2.Criteria.Count - 1].Id);
    }

    [Fact]
    public void Canonical_json_sorts_members_and_escapes_minimally()
    {
        var json = new System.Collections.Generic.Dictionary<string, object?>
        {
            ["b"] = 1,
            ["a"] = new object?[] { true, null, "x\ny\u0001é\"" },
            ["A"] = new System.Collections.Generic.Dictionary<string, object?>(),
        };
        Assert.Equal("{\"A\":{},\"a\":[true,null,\"x\\ny\\u0001é\\\"\"],\"b\":1}", CanonicalJson.Write(json));
    }
}
