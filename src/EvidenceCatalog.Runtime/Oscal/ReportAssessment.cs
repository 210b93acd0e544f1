using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>The verdicts of the assessment results, per control and per criterion.</summary>
public static class AssessmentStatus
{
    /// <summary>Evidence on every period the control was judged on.</summary>
    public const string Operating = "operating";

    /// <summary>Periods without evidence (the report's coverage gaps).</summary>
    public const string Exceptions = "exceptions";

    /// <summary>No evidence event in the window: an empty population, neither operating nor failing.</summary>
    public const string NotOccurring = "not-occurring";

    /// <summary>A control without evidence rules: its evidence is documents to request.</summary>
    public const string Manual = "manual";

    /// <summary>A criterion in scope that no control claims.</summary>
    public const string NoControl = "no-control";
}

/// <summary>A control of the report as the assessment results show it.</summary>
/// <param name="Control">The catalog's control.</param>
/// <param name="Evidence">The report's evidence of it.</param>
/// <param name="Status">One of <see cref="AssessmentStatus"/> (never <c>no-control</c>).</param>
/// <param name="SampleEvents">The evidence events the report shows of it.</param>
internal sealed record AssessedControl(Control Control, ControlEvidence Evidence, string Status, IReadOnlyList<SampleEvent> SampleEvents);

/// <summary>A criterion in scope as the assessment results show it.</summary>
/// <param name="Criterion">The framework's criterion.</param>
/// <param name="Framework">Its framework.</param>
/// <param name="Status">One of <see cref="AssessmentStatus"/>.</param>
/// <param name="Controls">The ids of the controls that claim it, in id order.</param>
internal sealed record AssessedCriterion(Criterion Criterion, Framework Framework, string Status, IReadOnlyList<string> Controls);

/// <summary>
/// What the assessment results take from a report: each control with its status and sample events, and each criterion
/// in scope with its status. The one place that reads those verdicts out of the report: the report has no per-criterion
/// view yet, so a criterion's status is derived here from the controls that claim it (the worst of theirs); when the
/// report carries its own <c>criteria</c> and <c>samples</c>, this class reads them instead and nothing else changes.
/// </summary>
internal sealed record ReportAssessment(IReadOnlyList<AssessedControl> Controls, IReadOnlyList<AssessedCriterion> Criteria, IReadOnlyList<Framework> Frameworks)
{
    /// <summary>Worst first: a criterion takes the first of these that one of its controls has.</summary>
    private static readonly string[] Severity = [AssessmentStatus.Exceptions, AssessmentStatus.Manual, AssessmentStatus.NotOccurring, AssessmentStatus.Operating];

    /// <exception cref="OscalExportException">The report names a control the catalog does not declare (another catalog's report).</exception>
    public static ReportAssessment Of(CatalogModel model, EvidenceReport report)
    {
        var declared = model.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var controls = report.Controls
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => declared.TryGetValue(c.Key, out var control)
                ? new AssessedControl(control, c.Value, StatusOf(control, c.Value), c.Value.SampleEvents)
                : throw new OscalExportException($"the report names the control '{c.Key}', which the catalog does not declare; export a report with the catalogs it was built from"))
            .ToArray();
        var frameworks = InScope(model, report);
        var criteria = frameworks
            .SelectMany(f => f.Criteria.Select(criterion =>
            {
                var claiming = controls.Where(c => c.Control.Criteria.Contains(criterion.Id)).ToArray();
                string status = claiming.Length == 0
                    ? AssessmentStatus.NoControl
                    : Severity.First(s => claiming.Any(c => c.Status == s));
                return new AssessedCriterion(criterion, f, status, claiming.Select(c => c.Control.Id).ToArray());
            }))
            .ToArray();
        return new ReportAssessment(controls, criteria, frameworks);
    }

    private static string StatusOf(Control control, ControlEvidence evidence) =>
        control.Evidence.Count == 0 ? AssessmentStatus.Manual
        : evidence.EvidenceCount == 0 ? AssessmentStatus.NotOccurring
        : evidence.Coverage.Gaps.Count > 0 ? AssessmentStatus.Exceptions
        : AssessmentStatus.Operating;

    /// <summary>
    /// The frameworks the account is assessed against (the compliance configuration's active frameworks); all of the
    /// catalog's when the report names none of them.
    /// </summary>
    private static Framework[] InScope(CatalogModel model, EvidenceReport report)
    {
        var active = report.Sections.Any(s => ReferenceEquals(s.Definition, SectionDefinitions.ComplianceConfig))
            ? report.Sections.Get(SectionDefinitions.ComplianceConfig).ActiveFrameworks
            : [];
        var named = model.Frameworks.Where(f => active.Contains(f.Id)).ToArray();
        return named.Length > 0 ? named : model.Frameworks.ToArray();
    }
}
