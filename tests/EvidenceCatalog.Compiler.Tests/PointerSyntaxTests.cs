using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Compiler.Schema;
using Newtonsoft.Json.Linq;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>
/// JSON pointers and templates: the schema's patterns (what editors check) and the compiler's explanation (EC2011, at the
/// character that goes wrong) accept exactly the same values.
/// </summary>
public sealed class PointerSyntaxTests
{
    private static readonly JObject SourcesSchema = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "schemas", "sources.schema.json")));

    [Fact]
    public void The_schema_writes_the_patterns_the_compiler_explains()
    {
        Assert.Equal(PointerSyntax.PointerPattern, (string)SourcesSchema["definitions"]!["pointer"]!["pattern"]!);
        Assert.Equal(PointerSyntax.TemplatePattern, (string)SourcesSchema["definitions"]!["template"]!["pattern"]!);
    }

    [Fact]
    public void Pattern_and_explanation_agree_on_every_short_string()
    {
        var pointer = new Regex(PointerSyntax.PointerPattern, RegexOptions.CultureInvariant);
        var template = new Regex(PointerSyntax.TemplatePattern, RegexOptions.CultureInvariant);
        foreach (string value in Strings("a/~01{}", maxLength: 6))
        {
            Assert.True(pointer.IsMatch(value) == (PointerSyntax.ExplainPointer(value) is null), "pointer '" + value + "'");
            Assert.True(template.IsMatch(value) == (PointerSyntax.ExplainTemplate(value) is null), "template '" + value + "'");
        }
    }

    /// <summary>A pointer is empty or '/'-separated with two escapes; a template is text with pointers in braces.</summary>
    [Theory]
    [InlineData(PointerSyntax.PointerPattern, "/a~0b/~1/0", null)]
    [InlineData(PointerSyntax.PointerPattern, "eventName", 0)]
    [InlineData(PointerSyntax.PointerPattern, "/a~2", 2)]
    [InlineData(PointerSyntax.PointerPattern, "/a/b~", 4)]
    [InlineData(PointerSyntax.TemplatePattern, "user:{/actor/alternateId}", null)]
    [InlineData(PointerSyntax.TemplatePattern, "{{literal}} and {/a~1b}", null)]
    [InlineData(PointerSyntax.TemplatePattern, "user:{/a", 5)]
    [InlineData(PointerSyntax.TemplatePattern, "x}y", 1)]
    [InlineData(PointerSyntax.TemplatePattern, "{}", 0)]
    [InlineData(PointerSyntax.TemplatePattern, "{actor}", 1)]
    [InlineData(PointerSyntax.TemplatePattern, "{/a{/b}}", 3)]
    [InlineData(PointerSyntax.TemplatePattern, "{/a~}", 3)]
    public void The_first_problem_is_found_at_its_character(string pattern, string value, int? index)
    {
        Assert.Equal(index, PointerSyntax.Explain(pattern, value)?.Index);
    }

    [Theory]
    [InlineData("nativeName: user:{actor}", 23, "user:{actor}")]
    [InlineData("nativeName: \"user:{actor}\"", 24, "user:{actor}")]
    [InlineData("nativeName: 'user:{actor}'", 24, "user:{actor}")]
    [InlineData("nativeName: \"us\\u0065r:{actor}\"", 17, "user:{actor}")]
    [InlineData("nativeName: 'it''s:{actor}'", 17, "it's:{actor}")]
    public void The_column_is_the_character_where_the_file_shows_it_else_the_value_start(string line, int column, string value)
    {
        var result = CatalogCompiler.Compile(
            RepositoryFiles.SampleCatalogs().Append(new SourceFile("sources.yaml", SourcesFile(line))),
            RepositoryFiles.Schemas.Value,
            new CompilerOptions());

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("EC2011", diagnostic.Id);
        Assert.Equal((10, column), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains("'" + value + "'", diagnostic.Message, StringComparison.Ordinal);
    }

    private static string SourcesFile(string nativeNameLine) => string.Join("\n",
        "kind: sources",
        "sources:",
        "  - id: test-source",
        "    name: Test source",
        "    containers: [json-lines]",
        "    time: { fields: [/time], formats: [rfc3339] }",
        "    account: { value: northwind-cloud }",
        "    eventId: { fields: ['{/id}'] }",
        "    actor: ['{/user}']",
        "    " + nativeNameLine,
        "    rules:",
        "      - type: api.call",
        "");

    /// <summary>Every string over <paramref name="alphabet"/> up to <paramref name="maxLength"/> characters, the empty one included.</summary>
    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        var level = new List<string> { string.Empty };
        for (int length = 0; length <= maxLength; length++)
        {
            foreach (string value in level)
            {
                yield return value;
            }

            level = level.SelectMany(prefix => alphabet.Select(c => prefix + c)).ToList();
        }
    }
}
