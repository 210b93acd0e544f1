using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Yaml;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Hostile inputs too large to keep as fixture files: each gives one clear diagnostic, never a crash or a hang.</summary>
public sealed class AdversarialInputTests
{
    private static IReadOnlyList<CatalogDiagnostic> CompileOne(string text, YamlLimits? limits = null) =>
        CatalogCompiler.Compile(
            new[] { new SourceFile("hostile.yaml", text) },
            RepositoryFiles.Schemas.Value,
            new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23), Limits = limits ?? YamlLimits.Default })
            .Diagnostics.Where(d => d.FilePath == "hostile.yaml").ToList();

    [Fact]
    public void Hundred_thousand_nested_brackets_stop_at_the_depth_limit()
    {
        string text = "kind: vendors\nvendors: " + new string('[', 100_000);
        var diagnostic = Assert.Single(CompileOne(text));
        Assert.Equal("EC1002", diagnostic.Id);
        Assert.Equal(2, diagnostic.Span.StartLine);
        Assert.Equal(10 + YamlLimits.Default.MaxDepth - 1, diagnostic.Span.StartColumn);
    }

    [Fact]
    public void Hundred_thousand_nested_flow_mappings_stop_at_the_depth_limit()
    {
        string text = "kind: vendors\nvendors: " + string.Concat(Enumerable.Repeat("{a: ", 100_000));
        var diagnostic = Assert.Single(CompileOne(text));
        Assert.Equal("EC1002", diagnostic.Id);
    }

    [Fact]
    public void Fifty_megabyte_scalar_is_refused_by_size_before_parsing()
    {
        string text = "kind: vendors\nvendors:\n  - id: \"" + new string('a', 50 * 1024 * 1024) + "\"\n";
        var diagnostic = Assert.Single(CompileOne(text));
        Assert.Equal("EC1001", diagnostic.Id);
        Assert.Equal(SourceSpan.FileStart, diagnostic.Span);
    }

    [Fact]
    public void Fifty_megabyte_file_is_refused_when_decoding_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("kind: vendors\nname: " + new string('a', 50 * 1024 * 1024));
        Assert.Null(SourceDecoder.Decode("big.yaml", bytes, YamlLimits.Default, out var diagnostic));
        Assert.Equal("EC1001", diagnostic!.Id);
    }

    [Fact]
    public void Nine_level_anchor_bomb_is_refused_without_expanding()
    {
        var text = new StringBuilder("kind: vendors\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++)
        {
            text.Append('l').Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 9)))
                .Append("]\n");
        }

        var diagnostic = Assert.Single(CompileOne(text.ToString(), YamlLimits.Default with { MaxAliases = 1000 }));
        Assert.Equal("EC1013", diagnostic.Id);
    }

    [Fact]
    public void Seven_level_anchor_bomb_hits_the_alias_limit_first_with_default_limits()
    {
        var text = new StringBuilder("kind: vendors\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 7; level++)
        {
            text.Append('a').Append(level).Append(": &a").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*a" + (level - 1), 10)))
                .Append("]\n");
        }

        var diagnostic = Assert.Single(CompileOne(text.ToString()));
        Assert.True(diagnostic.Id is "EC1003" or "EC1013", diagnostic.ToString());
    }

    [Fact]
    public void Recursive_alias_is_refused()
    {
        var diagnostic = Assert.Single(CompileOne("kind: vendors\nloop: &a [1, *a]\n"));
        Assert.Equal("EC1012", diagnostic.Id);
    }

    [Theory]
    [InlineData("kind: vendors\nx: !System.Diagnostics.Process {}\n", "!System.Diagnostics.Process")]
    [InlineData("kind: vendors\nx: !!str 5\n", "!!str")]
    [InlineData("kind: vendors\nx: ! 5\n", "!")]
    [InlineData("!vendors\nkind: vendors\n", "!vendors")]
    public void Tags_are_refused_and_never_instantiated(string text, string tag)
    {
        var diagnostic = Assert.Single(CompileOne(text));
        Assert.Equal("EC1005", diagnostic.Id);
        Assert.Contains(tag, diagnostic.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("kind: vendors\nvendors:\n  - id: caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        Assert.Null(SourceDecoder.Decode("latin1.yaml", bytes, YamlLimits.Default, out var diagnostic));
        Assert.Equal("EC1008", diagnostic!.Id);
        Assert.Equal(3, diagnostic.Span.StartLine);
        Assert.Equal(12, diagnostic.Span.StartColumn);
        Assert.Contains("0xE9", diagnostic.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })] // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // UTF-16 surrogate
    [InlineData(new byte[] { 0xFF, 0xFE, 0x6B, 0x00 })] // UTF-16 byte order mark
    public void Malformed_utf8_sequences_are_refused(byte[] bytes)
    {
        Assert.Null(SourceDecoder.Decode("bad.yaml", bytes, YamlLimits.Default, out var diagnostic));
        Assert.Equal("EC1008", diagnostic!.Id);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("kind: vendors\n")).ToArray();
        var file = SourceDecoder.Decode("bom.yaml", bytes, YamlLimits.Default, out var diagnostic);
        Assert.Null(diagnostic);
        Assert.Equal("kind: vendors\n", file!.Text);
    }

    [Fact]
    public void Loader_errors_keep_every_other_file()
    {
        var files = RepositoryFiles.SampleCatalogs().Append(new SourceFile("broken.yaml", "kind: vendors\nvendors: [")).ToList();
        var result = CatalogCompiler.Compile(files, RepositoryFiles.Schemas.Value, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23) });
        Assert.All(result.Diagnostics, d => Assert.Equal("broken.yaml", d.FilePath));
        Assert.NotEmpty(result.Model.Vendors);
        Assert.NotEmpty(result.Model.Controls);
    }
}
