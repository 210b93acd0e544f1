using System.Linq;
using EvidenceCatalog.Model;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.JsonPointerTests;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>Rules in order, the first whose conditions all hold wins; conditions compare a scalar's text exactly.</summary>
public sealed class RuleTests
{
    [Fact]
    public void The_first_matching_rule_wins_whatever_follows()
    {
        var source = Rules(
            Rule("broad", "api.call", Outcome("allow"), Exists("/a")),
            Rule("narrow", "policy.decision", Outcome("deny"), Equal("/a", "x")));

        var e = MappedRun.Of(source, WithTime("{\"a\":\"x\"}")).Single;

        Assert.Equal("api.call", e.Type);
    }

    [Fact]
    public void Rule_order_decides_when_both_match()
    {
        var source = Rules(
            Rule("narrow", "policy.decision", Outcome("deny"), Equal("/a", "x")),
            Rule("broad", "api.call", Outcome("allow"), Exists("/a")));

        var run = MappedRun.Of(source, WithTime("{\"a\":\"x\"}") + WithTime("{\"a\":\"y\"}"));

        Assert.Equal(["policy.decision", "api.call"], run.Events.Select(e => e.Type));
    }

    [Theory]
    [InlineData("{\"v\":\"Success\"}", true)]
    [InlineData("{\"v\":\"success\"}", false)]
    [InlineData("{\"v\":\"Success \"}", false)]
    [InlineData("{\"v\":null}", false)]
    [InlineData("{}", false)]
    public void Equals_compares_the_text_exactly(string record, bool matches) => Check(Equal("/v", "Success"), record, matches);

    [Theory]
    [InlineData("{\"v\":\"AccessDenied\"}", true)]
    [InlineData("{\"v\":\"Client.UnauthorizedOperation\"}", true)]
    [InlineData("{\"v\":\"Denied\"}", false)]
    public void OneOf_matches_any_listed_text(string record, bool matches) => Check(OneOf("/v", "AccessDenied", "Client.UnauthorizedOperation"), record, matches);

    [Theory]
    [InlineData("{\"v\":\"AttachUserPolicy\"}", true)]
    [InlineData("{\"v\":\"Attach\"}", true)]
    [InlineData("{\"v\":\"DetachUserPolicy\"}", false)]
    public void Prefix_matches_the_start_of_the_text(string record, bool matches) => Check(Prefix("/v", "Attach"), record, matches);

    [Theory]
    [InlineData("{\"v\":1}", true)]
    [InlineData("{\"v\":{}}", true)]
    [InlineData("{\"v\":[]}", true)]
    [InlineData("{\"v\":\"\"}", true)]
    [InlineData("{\"v\":null}", false)]
    [InlineData("{}", false)]
    public void Exists_means_present_and_not_null(string record, bool matches)
    {
        Check(Exists("/v"), record, matches);
        Check(Missing("/v"), record, !matches);
    }

    [Theory]
    [InlineData("{\"v\":42}", "42", true)]
    [InlineData("{\"v\":4.20}", "4.20", true)]
    [InlineData("{\"v\":true}", "true", true)]
    [InlineData("{\"v\":{\"a\":1}}", "{\"a\":1}", false)]
    public void Numbers_and_booleans_compare_as_JSON_writes_them(string record, string text, bool matches) => Check(Equal("/v", text), record, matches);

    [Fact]
    public void A_recognised_record_no_rule_maps_is_unmapped_under_its_native_name()
    {
        var source = Rules(Rule(null, "api.call", Outcome("allow"), Equal("/v", "x"))) with { NativeName = "native:{/v}" };

        var run = MappedRun.Of(source, WithTime("{\"v\":\"y\"}") + WithTime("{\"v\":\"y\"}") + WithTime("{\"v\":\"z\"}") + WithTime("{\"w\":1}"));

        Assert.Empty(run.Events);
        Assert.Empty(run.Rejections);
        Assert.Equal(4, run.Counts.Unmapped);
        Assert.Equal(
            [new("native:y", 2), new("(no native name)", 1), new("native:z", 1)],
            run.Counts.UnmappedByName.Names.ToArray<Runtime.Events.NativeNameCount>());
    }

    [Theory]
    [InlineData("{\"r\":\"Success\"}", "success")]
    [InlineData("{\"r\":\"Failure\"}", "failure")]
    public void An_outcome_field_is_translated_through_its_map(string record, string outcome)
    {
        var e = MappedRun.Of(Rules(SignIn(null)), WithTime(record)).Single;

        Assert.Equal(outcome, e.Outcome);
    }

    [Theory]
    [InlineData("{\"r\":\"Maybe\"}")]
    [InlineData("{}")]
    public void A_value_the_map_does_not_name_takes_the_default(string record)
    {
        Assert.Equal("failure", MappedRun.Of(Rules(SignIn("failure")), WithTime(record)).Single.Outcome);
    }

    [Theory]
    [InlineData("{\"r\":\"Maybe\"}", "rule 'sign-in': /r is 'Maybe', which its outcome map does not name, and the rule has no default outcome")]
    [InlineData("{}", "rule 'sign-in': /r is missing, and the rule has no default outcome")]
    public void Without_a_default_an_unnamed_value_is_rejected_naming_the_rule(string record, string reason)
    {
        Assert.Equal(reason, Assert.Single(MappedRun.Of(Rules(SignIn(null)), WithTime(record)).Rejections).Reason);
    }

    [Fact]
    public void A_rule_without_a_name_is_named_by_its_position()
    {
        var unnamed = Rule(null, "auth.login", new SourceOutcome(null, "/r", Array(Map("Success", "success")), null));

        var run = MappedRun.Of(Rules(Rule(null, "api.call", Outcome("allow"), Exists("/never")), unnamed), WithTime("{\"r\":\"x\"}"));

        Assert.StartsWith("rule 2: /r is 'x'", Assert.Single(run.Rejections).Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_with_no_outcome_gives_an_event_without_one()
    {
        var source = Rules(Rule(null, "access.review_completed", new SourceOutcome(null, null, Array<OutcomeMapping>(), null)));

        Assert.Null(MappedRun.Of(source, WithTime("{}")).Single.Outcome);
    }

    private static SourceRule SignIn(string? fallback) =>
        Rule("sign-in", "auth.login", new SourceOutcome(null, "/r", Array(Map("Success", "success"), Map("Failure", "failure")), fallback));

    private static LogSource Rules(params SourceRule[] rules) => Probe("service:probe") with { Rules = Array(rules) };

    private static void Check(FieldCondition condition, string record, bool matches)
    {
        var run = MappedRun.Of(Rules(Rule(null, "api.call", Outcome("allow"), condition)), WithTime(record));

        Assert.Equal(matches ? 1 : 0, run.Events.Count);
        Assert.Equal(matches ? 0 : 1, run.Counts.Unmapped);
    }
}
