using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Schema;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Dates and date-times are checked as RFC 3339 defines them, not as DateTime.Parse guesses.</summary>
public sealed class DateFormatTests
{
    [Theory]
    [InlineData("2026-11-23T09:30:00Z")]
    [InlineData("2026-11-23t09:30:00z")]
    [InlineData("2026-11-23T09:30:00.123+02:00")]
    [InlineData("2024-02-29T23:59:60-05:30")]
    public void Date_times_with_an_offset_are_valid(string value) => Assert.True(StrictFormatValidators.IsDateTime(value));

    [Theory]
    [InlineData("2026-11-23T09:30:00")]
    [InlineData("2026-11-23 09:30:00Z")]
    [InlineData("2026-11-23")]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2026-11-23T24:00:00Z")]
    [InlineData("23/11/2026 09:30 +00:00")]
    [InlineData("2026-11-23T09:30Z")]
    public void Date_times_without_offset_or_malformed_are_invalid(string value) => Assert.False(StrictFormatValidators.IsDateTime(value));

    [Theory]
    [InlineData("2024")]
    [InlineData("2024-1-05")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-01-01T00:00:00Z")]
    public void Dates_must_be_full_calendar_dates(string value) => Assert.False(CalendarDate.TryParse(value, out _));

    [Fact]
    public void Leap_day_is_a_date() => Assert.Equal(new CalendarDate(2024, 2, 29), CalendarDate.Parse("2024-02-29"));
}
