using System.Linq;
using EvidenceCatalog.Compiler.Schema;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The repository's schemas pass the lint, and the lint refuses what NJsonSchema would silently ignore.</summary>
public sealed class SchemaLintTests
{
    [Fact]
    public void Repository_schemas_are_accepted_by_the_lint()
    {
        var set = SchemaSet.Load(RepositoryFiles.SchemaFiles());
        Assert.Empty(set.Diagnostics);
        Assert.Equal(new[] { "access", "controls", "encryption", "events", "framework", "policies", "runbooks", "sources", "vendors" }, set.Kinds);
    }

    [Fact]
    public void Embedded_schemas_are_the_repository_schemas()
    {
        var embedded = SchemaSet.EmbeddedFiles().Select(f => (f.Path, f.Text)).ToList();
        var onDisk = RepositoryFiles.SchemaFiles().Select(f => (f.Path, f.Text)).ToList();
        Assert.Equal(onDisk, embedded);
        Assert.Empty(SchemaSet.Embedded.Diagnostics);
    }

    [Theory]
    [InlineData("{\"type\":\"string\",\"pattern\":\"(\"}", "the pattern '(' is not a valid regular expression")]
    [InlineData("{\"type\":\"object\",\"additionalProperties\":false,\"patternProperties\":{\"[\":{\"type\":\"string\"}}}", "the pattern '[' is not a valid regular expression")]
    public void An_invalid_pattern_is_EC2101_at_its_keyword_not_an_error_while_validating(string valueSchema, string message)
    {
        string schema = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"additionalProperties\":false," +
            "\"properties\":{\"kind\":{\"description\":\"k\",\"enum\":[\"thing\"]},\"v\":{\"description\":\"v\"," + valueSchema.Substring(1) + "}}";
        var set = SchemaSet.Load(new[] { new SourceFile("schemas/thing.schema.json", schema) });

        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal("EC2101", diagnostic.Id);
        Assert.Contains(message, diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Empty(set.Kinds);
    }

    [Theory]
    [InlineData("const", "\"x\"")]
    [InlineData("if", "{}")]
    [InlineData("then", "{}")]
    [InlineData("else", "{}")]
    [InlineData("$defs", "{}")]
    [InlineData("contains", "{}")]
    [InlineData("propertyNames", "{}")]
    [InlineData("dependentRequired", "{}")]
    [InlineData("dependencies", "{}")]
    [InlineData("unevaluatedProperties", "false")]
    [InlineData("additionalItems", "false")]
    public void Unenforced_keywords_are_refused(string keyword, string value)
    {
        string schema = "{\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"" + keyword + "\": " + value + "\n}";
        var set = SchemaSet.Load(new[] { new SourceFile("schemas/thing.schema.json", schema) });
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal("EC2102", diagnostic.Id);
        Assert.Equal((4, 3), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Empty(set.Kinds);
    }

    [Theory]
    [InlineData("http://169.254.169.254/x", "EC2103")]
    [InlineData("https://example.com/schema.json#/definitions/a", "EC2103")]
    [InlineData("file:///etc/passwd", "EC2103")]
    [InlineData("../../etc/passwd", "EC2103")]
    [InlineData("/etc/passwd", "EC2103")]
    [InlineData("other.schema.json", "EC2104")]
    [InlineData("#/definitions/missing", "EC2104")]
    public void References_outside_the_set_are_refused_without_being_followed(string reference, string id)
    {
        string schema = "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"description\":\"d\",\"$ref\":\"" + reference + "\"}}}";
        var set = SchemaSet.Load(new[] { new SourceFile("schemas/thing.schema.json", schema) });
        Assert.Equal(id, Assert.Single(set.Diagnostics).Id);
        Assert.Empty(set.Kinds);
    }

    [Fact]
    public void A_reference_to_another_file_of_the_set_resolves()
    {
        var set = SchemaSet.Load(new[]
        {
            new SourceFile("schemas/common.json", "{\"definitions\":{\"name\":{\"type\":\"string\",\"minLength\":3}}}"),
            new SourceFile("schemas/thing.schema.json", "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"kind\":{\"description\":\"k\",\"enum\":[\"thing\"]},\"name\":{\"description\":\"n\",\"$ref\":\"common.json#/definitions/name\"}}}"),
        });
        Assert.Empty(set.Diagnostics);
        var result = CatalogCompiler.Compile(new[] { new SourceFile("t.yaml", "kind: thing\nname: ab\n") }, set, new CompilerOptions());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("EC2009", 2, 7), (diagnostic.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }
}
