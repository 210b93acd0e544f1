using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.JsonPointerTests;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>Templates: text with pointers in braces, tried in order until one resolves.</summary>
public sealed class TemplateTests
{
    [Theory]
    [InlineData("user:{/actor/alternateId}", "{\"actor\":{\"alternateId\":\"homer@example.com\"}}", "user:homer@example.com")]
    [InlineData("{/a}:{/b}", "{\"a\":\"x\",\"b\":\"y\"}", "x:y")]
    [InlineData("{{literal}} {/a}", "{\"a\":\"x\"}", "{literal} x")]
    [InlineData("}}{/a}{{", "{\"a\":\"x\"}", "}x{")]
    [InlineData("n={/a}", "{\"a\":-1.5e3}", "n=-1.5e3")]
    [InlineData("{/a}", "{\"a\":false}", "false")]
    [InlineData("{/a}", "{\"a\":\"line\\nbreak \\u00e9 \\\"q\\\"\"}", "line\nbreak é \"q\"")]
    public void A_template_fills_each_pointer_with_the_value_text(string template, string record, string expected)
    {
        Assert.Equal(expected, MappedRun.Of(Probe(template), WithTime(record)).Single.Actor);
    }

    [Theory]
    [InlineData("{\"first\":\"one\",\"second\":\"two\"}", "a:one")]
    [InlineData("{\"first\":\"\",\"second\":\"two\"}", "b:two")]
    [InlineData("{\"first\":null,\"second\":\"two\"}", "b:two")]
    [InlineData("{\"first\":{\"x\":1},\"second\":\"two\"}", "b:two")]
    [InlineData("{\"first\":[1],\"second\":\"two\"}", "b:two")]
    [InlineData("{\"second\":\"two\"}", "b:two")]
    public void The_first_template_that_resolves_wins(string record, string expected)
    {
        var source = Probe("a:{/first}") with { Actor = Array("a:{/first}", "b:{/second}") };

        Assert.Equal(expected, MappedRun.Of(source, WithTime(record)).Single.Actor);
    }

    [Fact]
    public void A_record_where_no_actor_template_resolves_is_rejected_naming_them()
    {
        var source = Probe("a:{/first}") with { Actor = Array("a:{/first}", "b:{/second}") };

        var run = MappedRun.Of(source, WithTime("{\"other\":1}"));

        Assert.Equal("no actor: none of a:{/first}, b:{/second} resolves", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void Optional_fields_are_absent_when_no_template_resolves()
    {
        var source = Probe("{/a}") with { Resource = Array("{/r1}", "{/r2}"), Ip = Array("{/ip}") };

        var e = MappedRun.Of(source, WithTime("{\"a\":\"x\",\"r2\":\"bucket\"}")).Single;

        Assert.Equal("bucket", e.Resource);
        Assert.Null(e.Ip);
    }

    [Theory]
    [InlineData("{/a")]
    [InlineData("a}b")]
    public void A_malformed_template_is_refused(string template)
    {
        Assert.Throws<Runtime.Sources.Mapping.LogSourceDefinitionException>(() => new Runtime.Sources.Mapping.RecordMapper(Probe(template)));
    }

    [Fact]
    public void A_value_holding_U0000_is_refused_as_a_native_event_field_would_be()
    {
        var run = MappedRun.Of(Probe("{/a}"), WithTime("{\"a\":\"x\\u0000y\"}"));

        Assert.Equal("field 'actor' holds the character U+0000 (\\u0000), which an event may not contain", Assert.Single(run.Rejections).Reason);
    }
}
