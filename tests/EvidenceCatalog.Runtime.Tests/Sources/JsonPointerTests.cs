using System;
using EvidenceCatalog.Runtime.Sources.Mapping;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>RFC 6901 pointers as a source reads fields with them.</summary>
public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("/a~1b", "{\"a/b\":\"slash\"}", "slash")]
    [InlineData("/m~0n", "{\"m~n\":\"tilde\"}", "tilde")]
    [InlineData("/~01", "{\"~1\":\"tilde one\"}", "tilde one")]
    [InlineData("/@timestamp", "{\"@timestamp\":\"at\"}", "at")]
    [InlineData("/a/0/b", "{\"a\":[{\"b\":\"first\"},{\"b\":\"second\"}]}", "first")]
    [InlineData("/a/1", "{\"a\":[\"x\",\"y\"]}", "y")]
    [InlineData("/a/0", "{\"a\":{\"0\":\"member named 0\"}}", "member named 0")]
    [InlineData("/a\\u0062", "{\"ab\":\"escaped in the pointer text\"}", null)]
    [InlineData("/ab", "{\"a\\u0062\":\"escaped member name\"}", "escaped member name")]
    [InlineData("/", "{\"\":\"empty name\"}", "empty name")]
    [InlineData("/n", "{\"n\":12.50}", "12.50")]
    [InlineData("/t", "{\"t\":true}", "true")]
    public void A_pointer_names_the_value_RFC_6901_says(string pointer, string record, string? expected)
    {
        var source = Probe("{" + pointer + "}");

        var run = MappedRun.Of(source, WithTime(record));

        if (expected is null)
        {
            Assert.Single(run.Rejections);
        }
        else
        {
            Assert.Equal(expected, run.Single.Actor);
        }
    }

    [Theory]
    [InlineData("a")]
    [InlineData("/a~2")]
    [InlineData("/a~")]
    public void A_malformed_pointer_is_refused_with_the_pointer(string pointer)
    {
        var exception = Assert.Throws<LogSourceDefinitionException>(() => new RecordMapper(Probe("{" + pointer + "}")));

        Assert.Contains("'" + pointer + "'", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The record with a <c>time</c> member added first, for <see cref="Probe"/>.</summary>
    internal static string WithTime(string record) => "{\"time\":\"2026-01-01T00:00:00Z\"" + (record == "{}" ? string.Empty : ",") + record[1..] + "\n";

    /// <summary>A source that maps every record, its actor read through <paramref name="actor"/>.</summary>
    internal static Model.LogSource Probe(string actor) => CloudTrail with
    {
        Recognize = Array<Model.FieldCondition>(),
        Time = new Model.SourceTime(Array("/time"), Model.TimeFormats.Rfc3339 | Model.TimeFormats.EpochSeconds),
        Actor = Array(actor),
        EventId = new Model.SourceEventId(Array<string>(), HashWhenMissing: true),
        Rules = Array(Rule(null, "api.call", Outcome("allow"))),
    };
}
