using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>Type II needs 90 observation days and no day without evidence.</summary>
public sealed class TypeIIValidationTests
{
    private static readonly CalendarDate Start = new(2026, 1, 1);

    private static ReportValidation Validate(int days, System.Func<int, bool>? skip = null, int gapDays = 1)
    {
        var to = new CalendarDate(2026, 1, 1);
        var end = System.DateTime.SpecifyKind(new System.DateTime(2026, 1, 1), System.DateTimeKind.Unspecified).AddDays(days - 1);
        var options = Options(Start, new CalendarDate(end.Year, end.Month, end.Day)) with { GapDays = gapDays };
        return Report(options, EvidenceForEveryControl(Start, days, skip)).Validation;
    }

    [Fact]
    public void Window_of_89_days_is_not_type_ii_and_warns()
    {
        var validation = Validate(89);
        Assert.Equal(89, validation.ObservationDays);
        Assert.False(validation.TypeII);
        Assert.Empty(validation.CoverageGaps);
        Assert.Contains(validation.Warnings, w => w.Contains("89 days") && w.Contains("at least 90"));
    }

    [Fact]
    public void Window_of_90_days_with_daily_evidence_is_type_ii()
    {
        var validation = Validate(90);
        Assert.Equal(90, validation.ObservationDays);
        Assert.True(validation.TypeII);
        Assert.Empty(validation.Warnings);
        Assert.Equal(90, validation.DaysWithEvidence);
    }

    [Fact]
    public void Gap_at_the_very_start_is_listed_and_fails_type_ii()
    {
        var validation = Validate(100, d => d < 2);
        Assert.False(validation.TypeII);
        var gap = Assert.Single(validation.CoverageGaps);
        Assert.Equal(new CoverageGap("2026-01-01", "2026-01-02", 2), gap);
        Assert.Contains(validation.Warnings, w => w.Contains("2026-01-01..2026-01-02"));
    }

    [Fact]
    public void Gap_at_the_very_end_is_listed_and_fails_type_ii()
    {
        var validation = Validate(100, d => d == 99);
        Assert.False(validation.TypeII);
        Assert.Equal(0, validation.DailyEvidence["2026-04-10"]);
        Assert.Equal(Infrastructure.Events.Catalog.Model.Controls.Count(c => c.Evidence.Count > 0), validation.DailyEvidence["2026-04-09"]);
        Assert.Equal(100, validation.DailyEvidence.Count);
        Assert.Equal(new CoverageGap("2026-04-10", "2026-04-10", 1), Assert.Single(validation.CoverageGaps));
    }

    [Fact]
    public void Gaps_shorter_than_gap_days_are_not_gaps()
    {
        var validation = Validate(100, d => d == 10 || d == 50 || d == 51, gapDays: 2);
        Assert.Equal(new CoverageGap("2026-02-20", "2026-02-21", 2), Assert.Single(validation.CoverageGaps));
        Assert.Equal(2, validation.GapDays);
    }

    [Fact]
    public void Per_control_gaps_are_listed_for_each_control()
    {
        var options = Options(Start, new CalendarDate(2026, 1, 10));
        var lines = EvidenceForEveryControl(Start, 10).Where(l => !(l.Contains("\"backup.completed\"") && l.Contains("2026-01-05")));
        var report = Report(options, lines);
        var backup = report.Controls.Values.Where(c => c.EvidenceCount > 0 && c.Coverage.Gaps.Count > 0).ToList();
        Assert.NotEmpty(backup);
        Assert.All(backup, c => Assert.Equal(new CoverageGap("2026-01-05", "2026-01-05", 1), Assert.Single(c.Coverage.Gaps)));
        Assert.True(report.Validation.CoverageGaps.Count == 0);
    }

    [Fact]
    public void Window_with_no_events_at_all_is_one_gap()
    {
        var report = Report(Options(Start, new CalendarDate(2026, 4, 30)), []);
        Assert.Equal(new CoverageGap("2026-01-01", "2026-04-30", 120), Assert.Single(report.Validation.CoverageGaps));
        Assert.False(report.Validation.TypeII);
    }
}
