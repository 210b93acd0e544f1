using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>A sources catalog becomes <see cref="LogSource"/> records exactly as docs/sources.md reads it.</summary>
public sealed class SourceCatalogTests
{
    private static readonly Lazy<CompilationResult> Valid = new(() => DiagnosticFixture.Named("source-valid").Compile());

    [Fact]
    public void The_documented_example_reads_into_the_model_field_by_field()
    {
        static FieldCondition Condition(string field, ConditionKind kind, params string[] values) => new(field, kind, values.ToEquatableArray());
        var expected = new LogSource(
            "cloudtrail-minimal",
            "AWS CloudTrail",
            "Management events of the organisation trail, as CloudTrail delivers them to S3.",
            SourceContainers.CloudtrailRecords | SourceContainers.JsonLines | SourceContainers.JsonArray,
            new[] { Condition("/eventSource", ConditionKind.Exists), Condition("/eventName", ConditionKind.Exists) }.ToEquatableArray(),
            new SourceTime(new[] { "/eventTime" }.ToEquatableArray(), TimeFormats.Rfc3339),
            new SourceAccount("northwind-cloud", null),
            new SourceEventId(new[] { "{/eventID}" }.ToEquatableArray(), HashWhenMissing: true),
            "{/eventSource}:{/eventName}",
            new[] { "aws:{/userIdentity/arn}", "aws:{/userIdentity/principalId}" }.ToEquatableArray(),
            new[] { "{/requestParameters/bucketName}" }.ToEquatableArray(),
            new[] { "{/sourceIPAddress}" }.ToEquatableArray(),
            new[]
            {
                new SourceRule(
                    "console sign-in", new[] { Condition("/eventName", ConditionKind.Equals, "ConsoleLogin") }.ToEquatableArray(), "auth.login",
                    new SourceOutcome(null, "/responseElements/ConsoleLogin", new[] { new OutcomeMapping("Success", "success"), new OutcomeMapping("Failure", "failure") }.ToEquatableArray(), null)),
                new SourceRule(
                    "refused API calls", new[] { Condition("/errorCode", ConditionKind.OneOf, "AccessDenied", "Client.UnauthorizedOperation") }.ToEquatableArray(), "api.call",
                    new SourceOutcome("deny", null, EquatableArray<OutcomeMapping>.Empty, null)),
                new SourceRule(
                    "other API calls", new[] { Condition("/errorCode", ConditionKind.Missing) }.ToEquatableArray(), "api.call",
                    new SourceOutcome("allow", null, EquatableArray<OutcomeMapping>.Empty, null)),
            }.ToEquatableArray());

        Assert.Empty(Valid.Value.Diagnostics);
        Assert.Equal(expected, Valid.Value.Model.Sources.Single(s => s.Id == "cloudtrail-minimal"));
    }

    [Fact]
    public void Optional_parts_left_out_read_as_empty_and_a_rule_without_outcome_has_none()
    {
        var source = Compile(SourcesFile("    rules:\n      - type: api.call\n")).Model.Sources.Single(s => s.Id == "test-source");

        Assert.Null(source.Description);
        Assert.Empty(source.Recognize);
        Assert.Empty(source.Resource);
        Assert.Empty(source.Ip);
        Assert.False(source.EventId.HashWhenMissing);
        Assert.Equal(new SourceAccount(null, "{/org}"), source.Account);
        Assert.Equal(new SourceOutcome(null, null, EquatableArray<OutcomeMapping>.Empty, null), source.Rules.Single().Outcome);
        Assert.Empty(source.Rules.Single().When);
    }

    [Fact]
    public void A_catalog_with_sources_has_another_fingerprint_and_one_without_keeps_its_own()
    {
        // The sample catalogs ship sources (catalogs/sources/): the same catalogs without them are the catalog without.
        var without = CatalogCompiler.Compile(
            RepositoryFiles.SampleCatalogs().Where(f => !f.Path.StartsWith("catalogs/sources/", StringComparison.Ordinal)),
            RepositoryFiles.Schemas.Value,
            new CompilerOptions());
        var with = Compile();
        Assert.NotEmpty(with.Model.Sources);
        Assert.Empty(without.Model.Sources);

        Assert.NotEqual(without.Model.Fingerprint, with.Model.Fingerprint);
        Assert.Equal(without.Model.Fingerprint, (with.Model with { Sources = EquatableArray<LogSource>.Empty }).Fingerprint);
    }

    [Theory]
    [InlineData("- { field: /a, equals: x }", "- { field: /a, equals: x }", true)]
    [InlineData("- { field: /a, oneOf: [x, y] }", "- { field: /a, equals: y }", true)]
    [InlineData("- { field: /a, oneOf: [x, y] }", "- { field: /a, oneOf: [y, x] }", true)]
    [InlineData("- { field: /a, prefix: org. }", "- { field: /a, oneOf: [org.a, org.b] }", true)]
    [InlineData("- { field: /a, prefix: org. }", "- { field: /a, prefix: org.add }", true)]
    [InlineData("- { field: /a, exists: true }", "- { field: /a, prefix: x }", true)]
    [InlineData("- { field: /a, exists: false }", "- { field: /a, exists: false }", true)]
    [InlineData("- { field: /a, equals: x }", "- { field: /a, equals: x }\n          - { field: /b, exists: true }", true)]
    [InlineData("- { field: /recognized, exists: true }", "- { field: /b, exists: true }", true)]
    [InlineData("- { field: /a, equals: x }", "- { field: /a, equals: y }", false)]
    [InlineData("- { field: /a, equals: x }", "- { field: /b, equals: x }", false)]
    [InlineData("- { field: /a, equals: x }", "- { field: /a, oneOf: [x, y] }", false)]
    [InlineData("- { field: /a, prefix: org.add }", "- { field: /a, prefix: org. }", false)]
    [InlineData("- { field: /a, exists: true }", "- { field: /a, exists: false }", false)]
    [InlineData("- { field: /a, exists: false }", "- { field: /a, equals: x }", false)]
    [InlineData("- { field: /a, equals: x }\n          - { field: /b, exists: true }", "- { field: /a, equals: x }", false)]
    public void A_rule_is_unreachable_when_its_conditions_imply_an_earlier_rules(string earlier, string later, bool unreachable)
    {
        var result = Compile(SourcesFile(
            "    recognize:\n      - { field: /recognized, exists: true }\n" +
            "    rules:\n" +
            "      - when:\n          " + earlier + "\n        type: api.call\n" +
            "      - when:\n          " + later + "\n        type: api.call\n"));

        Assert.Equal(unreachable, result.Diagnostics.Any(d => d.Id == "EC3011"));
        Assert.All(result.Diagnostics, d => Assert.Equal("EC3011", d.Id));
    }

    private static CompilationResult Compile(params string[] sources) =>
        CatalogCompiler.Compile(
            RepositoryFiles.SampleCatalogs().Concat(sources.Select((text, i) => new SourceFile("sources-" + i + ".yaml", text))),
            RepositoryFiles.Schemas.Value,
            new CompilerOptions());

    private static string SourcesFile(string tail) =>
        "kind: sources\n" +
        "sources:\n" +
        "  - id: test-source\n" +
        "    name: Test source\n" +
        "    containers: [json-lines]\n" +
        "    time: { fields: [/time], formats: [epoch-seconds] }\n" +
        "    account: { field: '{/org}' }\n" +
        "    eventId: { fields: ['{/id}'] }\n" +
        "    nativeName: '{/action}'\n" +
        "    actor: ['{/user}']\n" +
        tail;
}
