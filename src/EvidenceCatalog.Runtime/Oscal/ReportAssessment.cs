using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Operation;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>The verdicts of the assessment results, per control and per criterion: the report's own (<see cref="Verdicts"/>, <see cref="CriterionStatuses"/>).</summary>
public static class AssessmentStatus
{
    /// <summary>Evidence in every period the control's cadence requires.</summary>
    public const string Operating = Verdicts.Operating;

    /// <summary>Some required period without the evidence its rules ask for.</summary>
    public const string Exceptions = Verdicts.Exceptions;

    /// <summary>No evidence event in the window and no period that required one: neither operating nor failing.</summary>
    public const string NotOccurring = Verdicts.NotOccurring;

    /// <summary>A control proven by documents (a manual declaration): its evidence is documents to request.</summary>
    public const string Manual = Verdicts.Manual;

    /// <summary>Neither evidence rules nor a manual declaration: nothing can show that it operates.</summary>
    public const string Unproven = Verdicts.Unproven;

    /// <summary>A criterion in scope that no control claims.</summary>
    public const string NoControl = CriterionStatuses.NoControl;
}

/// <summary>A control of the report as the assessment results show it.</summary>
/// <param name="Control">The catalog's control.</param>
/// <param name="Evidence">The report's evidence of it.</param>
/// <param name="Status">One of <see cref="AssessmentStatus"/> (never <c>no-control</c>).</param>
/// <param name="SampleEvents">The control's deterministic sample (the report's <c>samples</c>).</param>
internal sealed record AssessedControl(Control Control, ControlEvidence Evidence, string Status, IReadOnlyList<SampledEvent> SampleEvents);

/// <summary>A criterion in scope as the assessment results show it.</summary>
/// <param name="Criterion">The framework's criterion.</param>
/// <param name="Framework">Its framework.</param>
/// <param name="Status">One of <see cref="AssessmentStatus"/>.</param>
/// <param name="Controls">The ids of the controls that claim it, in id order.</param>
internal sealed record AssessedCriterion(Criterion Criterion, Framework Framework, string Status, IReadOnlyList<string> Controls);

/// <summary>
/// What the assessment results take from a report: each control with the verdict of its operating test and its sample,
/// and each criterion in scope with the status of the report's criteria view. The one place that reads those out of
/// the report.
/// </summary>
internal sealed record ReportAssessment(IReadOnlyList<AssessedControl> Controls, IReadOnlyList<AssessedCriterion> Criteria, IReadOnlyList<Framework> Frameworks)
{
    /// <exception cref="OscalExportException">The report names a control the catalog does not declare (another catalog's report).</exception>
    public static ReportAssessment Of(CatalogModel model, EvidenceReport report)
    {
        var declared = model.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var controls = report.Controls
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => declared.TryGetValue(c.Key, out var control)
                ? new AssessedControl(control, c.Value, c.Value.Operation.Verdict, report.Samples.Controls.TryGetValue(c.Key, out var sample) ? sample.Events : [])
                : throw new OscalExportException($"the report names the control '{c.Key}', which the catalog does not declare; export a report with the catalogs it was built from"))
            .ToArray();
        var frameworks = InScope(model, report);
        var criteria = frameworks
            .SelectMany(f => f.Criteria
                .Where(criterion => !report.Criteria.TryGetValue(criterion.Id, out var viewed) || viewed.Status != CriterionStatuses.OutOfScope)
                .Select(criterion =>
                {
                    var claiming = controls.Where(c => c.Control.Criteria.Contains(criterion.Id)).Select(c => c.Control.Id).ToArray();
                    string status = report.Criteria.TryGetValue(criterion.Id, out var viewed)
                        ? viewed.Status
                        : throw new OscalExportException($"the report's criteria view has no '{criterion.Id}' of the framework '{f.Id}'; export a report built from these catalogs");
                    return new AssessedCriterion(criterion, f, status, claiming);
                }))
            .ToArray();
        return new ReportAssessment(controls, criteria, frameworks);
    }
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
