using System.Linq;
using EvidenceCatalog.Compiler.Schema;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Every keyword the lint lets through is really enforced: a value breaking it is an error, a value keeping it is not.</summary>
public sealed class KeywordEnforcementTests
{
    [Theory]
    [InlineData("type", "{\"type\":\"integer\"}", "x", "5")]
    [InlineData("enum", "{\"enum\":[\"a\",\"b\"]}", "c", "a")]
    [InlineData("pattern", "{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}", "A1", "abc")]
    [InlineData("minLength", "{\"type\":\"string\",\"minLength\":3}", "ab", "abc")]
    [InlineData("maxLength", "{\"type\":\"string\",\"maxLength\":2}", "abc", "ab")]
    [InlineData("minimum", "{\"type\":\"integer\",\"minimum\":10}", "9", "10")]
    [InlineData("maximum", "{\"type\":\"integer\",\"maximum\":10}", "11", "10")]
    [InlineData("exclusiveMinimum", "{\"type\":\"integer\",\"exclusiveMinimum\":10}", "10", "11")]
    [InlineData("exclusiveMaximum", "{\"type\":\"integer\",\"exclusiveMaximum\":10}", "10", "9")]
    [InlineData("multipleOf", "{\"type\":\"integer\",\"multipleOf\":5}", "7", "10")]
    [InlineData("minItems", "{\"type\":\"array\",\"minItems\":2,\"items\":{\"type\":\"string\"}}", "[a]", "[a, b]")]
    [InlineData("maxItems", "{\"type\":\"array\",\"maxItems\":1,\"items\":{\"type\":\"string\"}}", "[a, b]", "[a]")]
    [InlineData("uniqueItems", "{\"type\":\"array\",\"uniqueItems\":true,\"items\":{\"type\":\"string\"}}", "[a, a]", "[a, b]")]
    [InlineData("items", "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}", "[1, x]", "[1, 2]")]
    [InlineData("required", "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"a\"],\"properties\":{\"a\":{\"description\":\"a\",\"type\":\"string\"}}}", "{}", "{a: x}")]
    [InlineData("additionalProperties", "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"description\":\"a\",\"type\":\"string\"}}}", "{b: x}", "{a: x}")]
    [InlineData("patternProperties", "{\"type\":\"object\",\"additionalProperties\":false,\"patternProperties\":{\"^x-\":{\"type\":\"integer\"}}}", "{x-a: text}", "{x-a: 1}")]
    [InlineData("minProperties", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},\"minProperties\":1}", "{}", "{a: x}")]
    [InlineData("maxProperties", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},\"maxProperties\":1}", "{a: x, b: y}", "{a: x}")]
    [InlineData("format date", "{\"type\":\"string\",\"format\":\"date\"}", "2024", "2024-01-31")]
    [InlineData("format date-time", "{\"type\":\"string\",\"format\":\"date-time\"}", "2024-01-31T10:00:00", "2024-01-31T10:00:00Z")]
    [InlineData("allOf", "{\"allOf\":[{\"type\":\"string\"},{\"minLength\":2}]}", "a", "ab")]
    [InlineData("anyOf", "{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"boolean\"}]}", "text", "true")]
    [InlineData("oneOf", "{\"oneOf\":[{\"type\":\"integer\",\"minimum\":5},{\"type\":\"integer\",\"maximum\":10}]}", "7", "11")]
    [InlineData("not", "{\"type\":\"string\",\"not\":{\"enum\":[\"root\"]}}", "root", "alice")]
    [InlineData("$ref", "{\"$ref\":\"#/definitions/small\"}", "11", "1")]
    public void Keyword_is_enforced(string keyword, string valueSchema, string bad, string good)
    {
        string schema = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"additionalProperties\":false," +
            "\"definitions\":{\"small\":{\"type\":\"integer\",\"maximum\":10}}," +
            "\"properties\":{\"kind\":{\"description\":\"k\",\"enum\":[\"thing\"]},\"v\":{\"description\":\"v\"," + valueSchema.Substring(1) + "}}";
        var set = SchemaSet.Load(new[] { new SourceFile("schemas/thing.schema.json", schema) });
        Assert.Empty(set.Diagnostics);

        var badResult = CatalogCompiler.Compile(new[] { new SourceFile("bad.yaml", "kind: thing\nv: " + bad + "\n") }, set, new CompilerOptions());
        var goodResult = CatalogCompiler.Compile(new[] { new SourceFile("good.yaml", "kind: thing\nv: " + good + "\n") }, set, new CompilerOptions());

        Assert.True(badResult.Diagnostics.Any(d => d.Id.StartsWith("EC20", System.StringComparison.Ordinal)), keyword + " was not enforced");
        Assert.Empty(goodResult.Diagnostics);
    }
}
