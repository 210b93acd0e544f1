using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Compiler.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Plain scalars are typed by what the schema expects there, YAML 1.2 style; quoted scalars are always text.</summary>
public sealed class ScalarTypingTests
{
    private static JValue Type(string yaml, JsonObjectType expected)
    {
        var root = (YamlMapping)YamlLoader.Load(new SourceFile("t.yaml", "v: " + yaml + "\n"), YamlLimits.Default, new List<CatalogDiagnostic>())!;
        return TypedJsonBuilder.Scalar((YamlScalar)root["v"]!, expected);
    }

    [Theory]
    [InlineData("NO")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("010")]
    [InlineData("1.10")]
    [InlineData("0x1F")]
    [InlineData("2017")]
    [InlineData("true")]
    [InlineData("2026-11-23")]
    public void Where_the_schema_says_string_a_plain_scalar_stays_text_as_written(string text)
    {
        var value = Type(text, JsonObjectType.String);
        Assert.Equal(JTokenType.String, value.Type);
        Assert.Equal(text, (string)value!);
    }

    [Fact]
    public void Leading_zero_is_decimal_not_octal()
    {
        var value = Type("010", JsonObjectType.Integer);
        Assert.Equal(10L, value.Value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("NO")]
    public void Yaml_1_1_booleans_are_not_booleans(string text)
    {
        var value = Type(text, JsonObjectType.Boolean);
        Assert.Equal(JTokenType.String, value.Type);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Yaml_1_2_booleans_are_booleans_where_the_schema_wants_one(string text, bool expected) =>
        Assert.Equal(expected, Type(text, JsonObjectType.Boolean).Value);

    [Fact]
    public void Quoted_number_is_text_even_where_the_schema_wants_an_integer() =>
        Assert.Equal(JTokenType.String, Type("\"256\"", JsonObjectType.Integer).Type);

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    public void Plain_null_forms_are_null(string text) =>
        Assert.Equal(JTokenType.Null, Type(text, JsonObjectType.String).Type);

    [Fact]
    public void Unconstrained_positions_follow_the_yaml_1_2_core_schema()
    {
        Assert.Equal(JTokenType.Integer, Type("42", JsonObjectType.None).Type);
        Assert.Equal(JTokenType.Float, Type("1.5", JsonObjectType.None).Type);
        Assert.Equal(JTokenType.Boolean, Type("true", JsonObjectType.None).Type);
        Assert.Equal(JTokenType.String, Type("yes", JsonObjectType.None).Type);
    }

    [Fact]
    public void A_framework_version_written_unquoted_stays_the_text_written()
    {
        var files = RepositoryFiles.SampleCatalogs().Where(f => !f.Path.Contains("framework")).Append(new SourceFile("fw.yaml", """
            kind: framework
            framework:
              id: tiny
              name: NO
              version: 1.10
              publisher: on
              description: a framework whose words look like YAML 1.1 values
              criteria:
                - id: CC1.1
                  category: security
                  title: yes
            """)).ToList();
        var result = CatalogCompiler.Compile(files, RepositoryFiles.Schemas.Value, new CompilerOptions());
        var framework = Assert.Single(result.Model.Frameworks);
        Assert.Equal(("NO", "1.10", "on", "yes"), (framework.Name, framework.Version, framework.Publisher, framework.Criteria[0].Title));
    }

    [Theory]
    [InlineData("010", "the integer 10")]
    [InlineData("-5", "the integer -5")]
    [InlineData("1.10", "the number 1.1")]
    [InlineData("1e3", "the number 1000")]
    [InlineData("0x1F", "a number")]
    [InlineData("0o17", "a number")]
    [InlineData(".inf", "a number")]
    [InlineData("True", "the boolean true")]
    [InlineData("FALSE", "the boolean false")]
    public void Yaml_1_2_tools_read_these_plain_scalars_as_numbers_or_booleans(string text, string reading) =>
        Assert.Equal(reading, TypedJsonBuilder.CoreReading(text));

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("2026-02-30")]
    [InlineData("1.2.3")]
    [InlineData("v010")]
    [InlineData("CC6.1")]
    public void Yaml_1_2_tools_read_these_plain_scalars_as_text(string text) =>
        Assert.Null(TypedJsonBuilder.CoreReading(text));
}
