using System;
using EvidenceCatalog.Model;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>Each time format a source may declare, and records whose time is missing or in no declared format.</summary>
public sealed class TimeFormatTests
{
    [Theory]
    [InlineData(TimeFormats.Rfc3339, "\"2026-03-02T10:00:00Z\"", "2026-03-02T10:00:00.0000000+00:00")]
    [InlineData(TimeFormats.Rfc3339, "\"2026-03-02T12:00:00.5+02:00\"", "2026-03-02T10:00:00.5000000+00:00")]
    [InlineData(TimeFormats.UtcDateTime, "\"2022-03-22 14:21:53.225\"", "2022-03-22T14:21:53.2250000+00:00")]
    [InlineData(TimeFormats.UtcDateTime, "\"2020-11-25 21:27:03.496000000\"", "2020-11-25T21:27:03.4960000+00:00")]
    [InlineData(TimeFormats.UtcDateTime, "\"2020-11-25 21:27:03\"", "2020-11-25T21:27:03.0000000+00:00")]
    [InlineData(TimeFormats.EpochMilliseconds, "1623971719091", "2021-06-17T23:15:19.0910000+00:00")]
    [InlineData(TimeFormats.EpochMilliseconds, "\"1623971719091\"", "2021-06-17T23:15:19.0910000+00:00")]
    [InlineData(TimeFormats.EpochSeconds, "1623971719", "2021-06-17T23:15:19.0000000+00:00")]
    [InlineData(TimeFormats.EpochSeconds, "1623971719.25", "2021-06-17T23:15:19.2500000+00:00")]
    [InlineData(TimeFormats.EpochSeconds, "\"1623971719\"", "2021-06-17T23:15:19.0000000+00:00")]
    [InlineData(TimeFormats.EpochSeconds | TimeFormats.Rfc3339, "\"2026-03-02T10:00:00Z\"", "2026-03-02T10:00:00.0000000+00:00")]
    [InlineData(TimeFormats.EpochMilliseconds | TimeFormats.Rfc3339 | TimeFormats.UtcDateTime, "1623971719091", "2021-06-17T23:15:19.0910000+00:00")]
    public void A_declared_format_is_read_to_the_instant(TimeFormats formats, string value, string expected)
    {
        var e = MappedRun.Of(Timed(formats), "{\"when\":" + value + "}\n").Single;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), e.Time);
    }

    [Theory]
    [InlineData(TimeFormats.Rfc3339, "\"2022-03-22 14:21:53.225\"", "time /when '2022-03-22 14:21:53.225': a date-time without offset, which the source does not declare (declared: rfc3339)")]
    [InlineData(TimeFormats.UtcDateTime, "\"2022-03-22T14:21:53Z\"", "time /when '2022-03-22T14:21:53Z': RFC 3339, which the source does not declare (declared: utc-date-time)")]
    [InlineData(TimeFormats.Rfc3339, "1623971719091", "time /when '1623971719091': an epoch count, but the source declares no epoch unit (declared: rfc3339)")]
    [InlineData(TimeFormats.Rfc3339, "\"2026-03-02T10:00:00\"", "time /when '2026-03-02T10:00:00': time has no offset; add Z (UTC) or ±hh:mm so the instant is unambiguous")]
    [InlineData(TimeFormats.UtcDateTime, "\"2022-02-30 14:21:53\"", "time /when '2022-02-30 14:21:53': time names a date or time of day that does not exist")]
    [InlineData(TimeFormats.UtcDateTime, "\"2022-03-22 14:21:53+02:00\"", "time /when '2022-03-22 14:21:53+02:00': not a UTC date-time (expected YYYY-MM-DD HH:MM:SS[.fffffffff], no offset)")]
    [InlineData(TimeFormats.EpochSeconds, "1e300", "time /when '1e300': time is out of range")]
    [InlineData(TimeFormats.Rfc3339, "\"yesterday\"", "time /when 'yesterday': in no declared format (declared: rfc3339)")]
    [InlineData(TimeFormats.Rfc3339, "\"\"", "time /when is empty, not an instant")]
    [InlineData(TimeFormats.Rfc3339, "{}", "time /when is an object, not an instant")]
    public void A_time_in_no_declared_format_is_rejected_with_the_field_and_the_reason(TimeFormats formats, string value, string reason)
    {
        var run = MappedRun.Of(Timed(formats), "{\"when\":" + value + "}\n");

        Assert.Equal(reason, Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void The_first_time_field_present_and_not_null_holds_the_instant()
    {
        var source = Timed(TimeFormats.Rfc3339) with { Time = new SourceTime(Array("/a", "/b", "/c"), TimeFormats.Rfc3339) };

        var e = MappedRun.Of(source, "{\"a\":null,\"c\":\"2026-01-03T00:00:00Z\",\"b\":\"2026-01-02T00:00:00Z\"}\n").Single;

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), e.Time);
    }

    [Fact]
    public void A_record_without_any_time_field_is_rejected_naming_them()
    {
        var source = Timed(TimeFormats.Rfc3339) with { Time = new SourceTime(Array("/a", "/b"), TimeFormats.Rfc3339) };

        Assert.Equal("no time: none of /a, /b is present", Assert.Single(MappedRun.Of(source, "{\"c\":1}\n").Rejections).Reason);
    }

    [Fact]
    public void Both_epoch_units_at_once_are_refused_as_ambiguous()
    {
        Assert.Throws<Runtime.Sources.Mapping.LogSourceDefinitionException>(() => new Runtime.Sources.Mapping.RecordMapper(Timed(TimeFormats.EpochSeconds | TimeFormats.EpochMilliseconds)));
    }

    private static LogSource Timed(TimeFormats formats) => JsonPointerTests.Probe("service:probe") with
    {
        Time = new SourceTime(Array("/when"), formats),
    };
}
