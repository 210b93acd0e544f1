using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Operation;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>
/// Each control must operate in every period its cadence requires, in the window's time zone, with the evidence its rules
/// ask for; an exception of an in-scope control with evidence rules fails Type II, an empty on-occurrence population does not.
/// </summary>
public sealed class OperatingTestTests
{
    /// <summary>The sample catalogs with their controls replaced by <paramref name="controls"/>.</summary>
    private static IEvidenceCatalog With(params Control[] controls) =>
        new ModelEvidenceCatalog(Catalog.Model with { Controls = controls.ToEquatableArray() });

    private static Control NewControl(string id, Cadence cadence, string criterion, params EvidenceRule[] rules) =>
        new(id, "Control " + id, "A control of a test.", "Security Engineering", new[] { criterion }.ToEquatableArray(), cadence, rules.ToEquatableArray());

    private static EvidenceRule Rule(string type, EvidenceMinimum? minimum = null, FailureLimit? failures = null, params string[] outcomes) =>
        new(type, outcomes.ToEquatableArray(), null, minimum, failures);

    /// <summary>A daily policy decision at noon UTC over <paramref name="days"/> days from <paramref name="from"/>, for IAM-style controls to stand on.</summary>
    private static IEnumerable<string> Daily(string from, int days, string type = "policy.decision", string? outcome = "allow", string prefix = "d") =>
        Enumerable.Range(0, days).Select(d => Line(prefix + d, DateTime.Parse(from + "T12:00:00Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal).AddDays(d).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), type, outcome));

    /// <summary>The report of <paramref name="lines"/>, made after the window (so no event of it is in the future).</summary>
    private static EvidenceReport Run(IEvidenceCatalog catalog, string from, string to, IEnumerable<string> lines, string tz = "UTC") =>
        new ReportJob(catalog, Options(CalendarDate.Parse(from), CalendarDate.Parse(to), tz) with { Clock = new FakeClock(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)) })
            .RunAsync(Source(string.Join("\n", lines) + "\n")).GetAwaiter().GetResult().Report;

    [Fact]
    public void A_weekly_control_across_the_year_boundary_must_operate_in_2026_W53_too()
    {
        var catalog = With(NewControl("WK-01", Cadence.Weekly, "CC6.1", Rule("access.review_completed")));
        string[] weekly = ["2026-12-23T10:00:00Z", "2027-01-06T10:00:00Z"];

        var report = Run(catalog, "2026-12-21", "2027-01-10", weekly.Select((t, i) => Line("w" + i, t, "access.review_completed", "completed")));

        var operation = report.Controls["WK-01"].Operation;
        Assert.Equal(("iso-week", 3, 2, 2, "exceptions"), (operation.Period, operation.Required, operation.WithEvidence, operation.Operated, operation.Verdict));
        Assert.Equal(new PeriodException("2026-W53", "2026-12-28", "2027-01-03", "no evidence"), Assert.Single(operation.Exceptions));

        var closed = Run(catalog, "2026-12-21", "2027-01-10", [.. weekly.Select((t, i) => Line("w" + i, t, "access.review_completed", "completed")), Line("w9", "2027-01-02T10:00:00Z", "access.review_completed", "completed")]);
        Assert.Equal(Verdicts.Operating, closed.Controls["WK-01"].Operation.Verdict);
    }

    [Fact]
    public void A_quarterly_control_over_a_window_starting_mid_quarter_must_operate_in_the_part_of_it_inside_the_window()
    {
        var catalog = With(NewControl("QT-01", Cadence.Quarterly, "CC6.2", Rule("access.review_completed")));

        // The Q1 review happened on 1 February, before the window: it is not evidence for the window's part of Q1.
        var report = Run(catalog, "2026-02-15", "2026-06-30", [Line("q1", "2026-02-01T10:00:00Z", "access.review_completed", "completed"), Line("q2", "2026-05-12T10:00:00Z", "access.review_completed", "completed")]);

        var operation = report.Controls["QT-01"].Operation;
        Assert.Equal((2, 1, 1), (operation.Required, operation.WithEvidence, operation.Operated));
        Assert.Equal(new PeriodException("2026-Q1", "2026-02-15", "2026-03-31", "no evidence"), Assert.Single(operation.Exceptions));
        Assert.Equal(1, report.Controls["QT-01"].EvidenceCount);
    }

    [Fact]
    public void A_periodic_control_whose_only_evidence_lies_outside_the_window_has_an_exception_in_every_required_period()
    {
        var catalog = With(NewControl("MO-01", Cadence.Monthly, "CC6.1", Rule("access.review_completed")));

        var report = Run(catalog, "2026-03-01", "2026-05-31", [Line("x", "2026-02-27T10:00:00Z", "access.review_completed", "completed"), Line("y", "2026-06-02T10:00:00Z", "access.review_completed", "completed")]);

        var operation = report.Controls["MO-01"].Operation;
        Assert.Equal(Verdicts.Exceptions, operation.Verdict);
        Assert.Equal(["2026-03", "2026-04", "2026-05"], operation.Exceptions.Select(e => e.Period));
        Assert.Equal(0, report.Controls["MO-01"].EvidenceCount);
        Assert.Equal("exceptions", report.Criteria["CC6.1"].Status);
    }

    [Fact]
    public void An_on_occurrence_control_with_an_empty_population_is_not_occurring_and_does_not_fail_type_ii()
    {
        var catalog = With(
            NewControl("IAM-01", Cadence.Continuous, "CC6.1", Rule("policy.decision")),
            NewControl("IR-01", Cadence.OnOccurrence, "CC7.4", Rule("incident.opened")));

        // Its only incident was the day before the window.
        var report = Run(catalog, "2026-01-01", "2026-03-31", [.. Daily("2026-01-01", 90), Line("i", "2025-12-31T10:00:00Z", "incident.opened", "p3")]);

        var operation = report.Controls["IR-01"].Operation;
        Assert.Equal(("window", 0, Verdicts.NotOccurring), (operation.Period, operation.Required, operation.Verdict));
        Assert.Empty(operation.Exceptions);
        Assert.Equal("not-occurring", report.Criteria["CC7.4"].Status);
        Assert.True(report.Validation.TypeII);
        Assert.Equal(0, report.Validation.ControlExceptions);
    }

    [Fact]
    public void A_criterion_claimed_by_no_control_is_no_control_and_one_of_a_category_not_in_scope_is_out_of_scope()
    {
        var catalog = With(
            NewControl("IAM-01", Cadence.Continuous, "CC6.1", Rule("policy.decision")),
            NewControl("PI-01", Cadence.Daily, "PI1.2", Rule("api.call")));

        var report = Run(catalog, "2026-01-01", "2026-03-31", Daily("2026-01-01", 90));

        Assert.Equal(61, report.Criteria.Count);
        var noControl = report.Criteria["CC1.1"];
        Assert.Equal(("no-control", "soc2", "security"), (noControl.Status, noControl.Framework, noControl.Category));
        Assert.Empty(noControl.Controls);

        // Processing integrity is not among the sample policies' categoriesInScope: PI-01's missing evidence does not fail Type II.
        var outOfScope = report.Criteria["PI1.2"];
        Assert.Equal(("out-of-scope", "processing-integrity"), (outOfScope.Status, outOfScope.Category));
        Assert.Equal(["PI-01"], outOfScope.Controls);
        Assert.Equal(90, outOfScope.Exceptions);
        Assert.False(report.Controls["PI-01"].InScope);
        Assert.True(report.Validation.TypeII);
        Assert.Equal(("operating", 90, 90), (report.Criteria["CC6.1"].Status, report.Criteria["CC6.1"].PeriodsOperated, report.Criteria["CC6.1"].PeriodsRequired));
    }

    [Fact]
    public void Without_declared_categories_only_security_is_in_scope()
    {
        var model = Catalog.Model with
        {
            Controls = new[] { NewControl("DLP-09", Cadence.Daily, "C1.1", Rule("dlp.transmission")) }.ToEquatableArray(),
            Policies = Catalog.Model.Policies! with { CategoriesInScope = EquatableArray<string>.Empty },
        };

        var report = Run(new ModelEvidenceCatalog(model), "2026-01-01", "2026-01-31", []);

        Assert.Equal("out-of-scope", report.Criteria["C1.1"].Status);
        Assert.Equal("out-of-scope", report.Criteria["A1.1"].Status);
        Assert.Equal("no-control", report.Criteria["CC6.1"].Status);
        Assert.False(report.Controls["DLP-09"].InScope);
        Assert.DoesNotContain(report.Validation.Warnings, w => w.Contains("DLP-09", StringComparison.Ordinal));
    }

    [Fact]
    public void A_silent_day_of_a_continuous_control_fails_type_ii_naming_the_control_and_the_day()
    {
        var catalog = With(
            NewControl("IAM-01", Cadence.Continuous, "CC6.1", Rule("policy.decision")),
            NewControl("MON-01", Cadence.Continuous, "CC7.2", Rule("monitoring.heartbeat")));
        var lines = Daily("2026-01-01", 90).Where(l => !l.Contains("2026-02-10", StringComparison.Ordinal)).Concat(Daily("2026-01-01", 90, "monitoring.heartbeat", "ok", "m"));

        var report = Run(catalog, "2026-01-01", "2026-03-31", lines);

        Assert.Empty(report.Validation.CoverageGaps);
        Assert.False(report.Validation.TypeII);
        Assert.Equal(1, report.Validation.ControlExceptions);
        Assert.Equal(["control IAM-01 (continuous): 1 exception in 90 required periods: 2026-02-10 (no evidence)"], report.Validation.Warnings);
        Assert.Equal((89, 89, 90), (report.Controls["IAM-01"].Operation.WithEvidence, report.Controls["IAM-01"].Operation.Operated, report.Controls["IAM-01"].Operation.Required));
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    public void Type_ii_needs_a_window_of_90_days_even_when_every_control_operates(int days, bool typeII)
    {
        var catalog = With(NewControl("IAM-01", Cadence.Continuous, "CC6.1", Rule("policy.decision")));
        var to = new DateTime(2026, 1, 1).AddDays(days - 1);

        var report = Run(catalog, "2026-01-01", to.ToString("yyyy-MM-dd"), Daily("2026-01-01", days));

        Assert.Equal(typeII, report.Validation.TypeII);
        Assert.Equal(Verdicts.Operating, report.Controls["IAM-01"].Operation.Verdict);
        Assert.Equal(typeII ? [] : [$"the window has {days} days; a Type II observation period needs at least 90"], report.Validation.Warnings);
    }

    [Fact]
    public void Week_boundaries_are_local_midnights_across_the_end_of_daylight_saving_time()
    {
        // Europe/Berlin leaves summer time on Sunday 25 October 2026: that night's 23:30 UTC is 00:30 on Monday 26 October.
        var catalog = With(NewControl("WK-02", Cadence.Weekly, "CC6.1", Rule("access.review_completed")));
        string[] before = ["2026-10-14T10:00:00Z", "2026-11-04T10:00:00Z"];

        var late = Run(catalog, "2026-10-12", "2026-11-08", before.Append("2026-10-25T23:30:00Z").Select((t, i) => Line("w" + i, t, "access.review_completed", "completed")), "Europe/Berlin");
        var early = Run(catalog, "2026-10-12", "2026-11-08", before.Append("2026-10-25T22:30:00Z").Select((t, i) => Line("w" + i, t, "access.review_completed", "completed")), "Europe/Berlin");

        Assert.Equal(["2026-W43"], late.Controls["WK-02"].Operation.Exceptions.Select(e => e.Period));
        Assert.Equal(["2026-W44"], early.Controls["WK-02"].Operation.Exceptions.Select(e => e.Period));
    }

    [Fact]
    public void Days_are_local_days_across_the_start_of_daylight_saving_time()
    {
        // America/New_York starts summer time on 8 March 2026: that day begins at 05:00 UTC, so 04:30 UTC is still 7 March.
        var catalog = With(NewControl("DY-01", Cadence.Daily, "CC6.1", Rule("backup.completed")));
        string[] times = ["2026-03-06T15:00:00Z", "2026-03-08T04:30:00Z", "2026-03-09T15:00:00Z"];

        var report = Run(catalog, "2026-03-06", "2026-03-09", times.Select((t, i) => Line("b" + i, t, "backup.completed", "success")), "America/New_York");

        var operation = report.Controls["DY-01"].Operation;
        Assert.Equal(new PeriodException("2026-03-08", "2026-03-08", "2026-03-08", "no evidence"), Assert.Single(operation.Exceptions));
        Assert.Equal(3, operation.Operated);
    }

    [Fact]
    public void A_period_with_only_the_wrong_kind_of_evidence_is_an_exception_with_the_rule_s_reason()
    {
        var catalog = With(NewControl("BCK-09", Cadence.Daily, "A1.2", Rule("backup.completed", new EvidenceMinimum("success", 1), null, "success", "failure")));
        string[] lines =
        [
            Line("a", "2026-03-01T01:00:00Z", "backup.completed", "success"),
            Line("b", "2026-03-02T01:00:00Z", "backup.completed", "failure"),
            Line("c", "2026-03-02T02:00:00Z", "backup.completed", "failure"),
            Line("d", "2026-03-03T01:00:00Z", "backup.completed", "failure"),
            Line("e", "2026-03-03T02:00:00Z", "backup.completed", "success"),
        ];

        var report = Run(catalog, "2026-03-01", "2026-03-03", lines);

        var operation = report.Controls["BCK-09"].Operation;
        Assert.Equal((3, 3, 2), (operation.Required, operation.WithEvidence, operation.Operated));
        Assert.Equal(new PeriodException("2026-03-02", "2026-03-02", "2026-03-02", "backup.completed: 0 'success' events, at least 1 required"), Assert.Single(operation.Exceptions));
    }

    [Fact]
    public void Too_many_failures_in_a_period_is_an_exception_judged_in_whole_percent()
    {
        var catalog = With(NewControl("CHG-09", Cadence.Weekly, "CC8.1", Rule("change.deployed", null, new FailureLimit(new[] { "failure", "rolled_back" }.ToEquatableArray(), 50))));
        string[] lines =
        [
            // 2026-W10: 1 failure and 1 rollback of 2 deployments is 100%; 2026-W11: 1 of 2 is 50%, allowed.
            Line("a", "2026-03-03T10:00:00Z", "change.deployed", "failure"),
            Line("b", "2026-03-04T10:00:00Z", "change.deployed", "rolled_back"),
            Line("c", "2026-03-10T10:00:00Z", "change.deployed", "success"),
            Line("d", "2026-03-11T10:00:00Z", "change.deployed", "failure"),
            Line("e", "2026-03-17T10:00:00Z", "change.deployed", "success"),
            Line("f", "2026-03-18T10:00:00Z", "change.deployed", "success"),
            Line("g", "2026-03-19T10:00:00Z", "change.deployed", "rolled_back"),
        ];

        var report = Run(catalog, "2026-03-02", "2026-03-22", lines);

        var exception = Assert.Single(report.Controls["CHG-09"].Operation.Exceptions);
        Assert.Equal(("2026-W10", "change.deployed: 2 of 2 events 'failure' or 'rolled_back' (100%), at most 50% allowed"), (exception.Period, exception.Reason));
    }

    [Fact]
    public void An_on_occurrence_control_s_occurrences_are_held_to_its_rules_over_the_window()
    {
        var catalog = With(NewControl("IR-09", Cadence.OnOccurrence, "CC7.4", Rule("incident.resolved", null, new FailureLimit(new[] { "false_positive" }.ToEquatableArray(), 0))));

        var report = Run(catalog, "2026-03-01", "2026-03-31", [Line("a", "2026-03-05T10:00:00Z", "incident.resolved", "resolved"), Line("b", "2026-03-06T10:00:00Z", "incident.resolved", "false_positive")]);

        var operation = report.Controls["IR-09"].Operation;
        Assert.Equal((0, Verdicts.Exceptions), (operation.Required, operation.Verdict));
        Assert.Equal(new PeriodException("2026-03-01..2026-03-31", "2026-03-01", "2026-03-31", "incident.resolved: 1 of 2 events 'false_positive' (50%), at most 0% allowed"), Assert.Single(operation.Exceptions));
        Assert.Contains("control IR-09 (on-occurrence): 1 exception: 2026-03-01..2026-03-31 (incident.resolved: 1 of 2 events 'false_positive' (50%), at most 0% allowed)", report.Validation.Warnings);
    }

    [Fact]
    public void Manual_and_unproven_controls_are_not_tested_and_their_criteria_say_so()
    {
        var manual = NewControl("MAN-01", Cadence.Quarterly, "CC1.2") with { Manual = new ManualEvidence("Board minutes.", null) };
        var unproven = NewControl("UNP-01", Cadence.Annually, "CC1.3");

        var report = Run(With(manual, unproven), "2026-01-01", "2026-06-30", []);

        Assert.Equal(("quarter", 2, Verdicts.Manual), (report.Controls["MAN-01"].Operation.Period, report.Controls["MAN-01"].Operation.Required, report.Controls["MAN-01"].Operation.Verdict));
        Assert.Equal(Verdicts.Unproven, report.Controls["UNP-01"].Operation.Verdict);
        Assert.Equal(("manual", 2), (report.Criteria["CC1.2"].Status, report.Criteria["CC1.2"].OpenRequests));
        Assert.Equal("unproven", report.Criteria["CC1.3"].Status);
        Assert.Equal(
            [("MAN-01", "2026-Q1", "2026-01-01", "2026-03-31", "Board minutes.", "Security Engineering", "CC1.2"), ("MAN-01", "2026-Q2", "2026-04-01", "2026-06-30", "Board minutes.", "Security Engineering", "CC1.2")],
            report.EvidenceRequests.Select(r => (r.Control, r.Period, r.From, r.To, r.Documents, r.ProvidedBy, string.Join(" ", r.Criteria))));
        Assert.Equal(0, report.Validation.ControlExceptions);
    }

    [Fact]
    public void A_control_with_rules_and_a_manual_declaration_is_judged_on_its_events_and_its_documents_are_requested()
    {
        var both = NewControl("BTH-01", Cadence.Monthly, "A1.3", Rule("backup.restore_tested")) with { Manual = new ManualEvidence("The restore test report.", "SRE") };

        var report = Run(With(both), "2026-03-01", "2026-03-31", [Line("a", "2026-03-05T10:00:00Z", "backup.restore_tested", "success")]);

        Assert.Equal(Verdicts.Operating, report.Controls["BTH-01"].Operation.Verdict);
        Assert.Equal("operating", report.Criteria["A1.3"].Status);
        Assert.Equal(("2026-03", "SRE"), (Assert.Single(report.EvidenceRequests).Period, report.EvidenceRequests[0].ProvidedBy));
    }
}
