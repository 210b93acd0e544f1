using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>
/// A report as OSCAL Assessment Results: one result for the window (start and end = the assessment period), the
/// criteria in scope as its reviewed controls, an observation per control (population counts by outcome, days with
/// evidence, exception periods, sample event ids) and a finding per criterion with its status.
/// </summary>
internal static class AssessmentResultsDocument
{
    /// <summary>The one way every observation was made: the control's evidence events were examined, all of them.</summary>
    private static readonly string[] Methods = ["EXAMINE"];

    private static readonly string[] ObservationTypes = ["control-objective"];

    public static AssessmentResultsRoot Build(EvidenceReport report, ReportAssessment assessment, OscalIdentifiers ids)
    {
        var meta = report.Meta;
        var window = meta.Window;
        string[] scope = [meta.OrgId, window.From, window.To, window.Tz];
        string start = OscalJson.DateTime(ParseUtc(window.StartUtc));
        string end = OscalJson.DateTime(ParseUtc(window.EndUtc));
        string organisation = meta.OrgName ?? meta.OrgId;
        string frameworks = string.Join(", ", assessment.Frameworks.Select(f => f.Name));
        string period = $"{window.From} to {window.To}";

        var observations = assessment.Controls.ToDictionary(
            c => c.Control.Id,
            c => Observation(c, ids, scope, end),
            StringComparer.Ordinal);
        var findings = assessment.Criteria.Select(c => Finding(c, assessment, observations, ids, scope)).ToArray();
        var partyUuid = ids.Uuid("party", meta.OrgId);
        var validation = report.Validation;

        var result = new Result(
            ids.Uuid(["result", .. scope]),
            $"{frameworks} evidence of {organisation}, {period}",
            $"The audit events of the account `{meta.OrgId}` from {period} ({window.Days} days counted in {window.Tz}), examined against "
                + $"the controls catalog with fingerprint `{meta.CatalogFingerprint}`: every evidence event of every control (a census, not a sample). "
                + (validation.TypeII ? "Type II: pass." : "Type II: not met (see remarks)."),
            start,
            end,
            [
                OscalJson.Prop("type-ii", validation.TypeII ? "true" : "false"),
                OscalJson.Prop("observation-days", validation.ObservationDays),
                OscalJson.Prop("days-with-evidence", validation.DaysWithEvidence),
                OscalJson.Prop("time-zone", window.Tz),
                OscalJson.Prop("catalog-fingerprint", meta.CatalogFingerprint),
                OscalJson.Prop("report-version", meta.ReportVersion),
            ],
            assessment.Controls.Count == 0 ? null : new ResultLocalDefinitions(assessment.Controls.Select(c => new SystemComponent(
                ids.Uuid("component", c.Control.Id),
                ComponentDefinitionDocument.ControlComponentType,
                c.Control.Id + " " + c.Control.Name,
                c.Control.Description,
                ComponentDefinitionDocument.ControlProps(c.Control),
                new ComponentStatus("operational"))).ToArray()),
            new ReviewedControls(
                $"The criteria of {frameworks}, the frameworks the account is assessed against.",
                [new ControlSelection(assessment.Criteria.Select(c => new SelectControlById(c.Criterion.Id)).ToArray())]),
            observations.Count == 0 ? null : assessment.Controls.Select(c => observations[c.Control.Id]).ToArray(),
            findings.Length == 0 ? null : findings,
            validation.Warnings.Count == 0 ? null : string.Join("\n\n", validation.Warnings.Select(w => "Type II: " + w + ".")));

        var planUuid = ids.Uuid("resource", "assessment-plan");
        var resources = new List<Resource>
        {
            new(
                planUuid,
                "Assessment plan",
                $"No separate OSCAL assessment plan exists: the plan is the controls catalog with fingerprint `{meta.CatalogFingerprint}` "
                    + "(the component definition), whose evidence rules select the audit events examined over the window.",
                [OscalJson.Prop("catalog-fingerprint", meta.CatalogFingerprint)],
                null),
            new(
                ids.Uuid("resource", "component-definition"),
                "The organisation's controls",
                "The OSCAL Component Definition of the controls this result observes.",
                null,
                [new ResourceLink(OscalExport.ComponentDefinitionFileName, "application/oscal.component-definition+json")]),
        };
        resources.AddRange(assessment.Frameworks.Select(f => new Resource(
            ids.Uuid("resource", "catalog", f.Id),
            f.Name + " catalog",
            $"The OSCAL Catalog of the {f.Name} criteria the findings target.",
            null,
            [new ResourceLink(OscalExport.CatalogFileName(f.Id), "application/oscal.catalog+json")])));

        var metadata = new Metadata(
            $"{organisation}: {frameworks} assessment results, {period}",
            end,
            meta.CatalogFingerprint,
            OscalJson.OscalVersion,
            [OscalJson.Prop("catalog-fingerprint", meta.CatalogFingerprint), OscalJson.Prop("account", meta.OrgId)],
            [new Role("prepared-for", "Prepared For")],
            [new Party(partyUuid, "organization", organisation, meta.OrgName is null ? null : meta.OrgId)],
            [new ResponsibleParty("prepared-for", [partyUuid])],
            null);
        return new AssessmentResultsRoot(new AssessmentResults(
            ids.Uuid(["assessment-results", .. scope]),
            metadata,
            new ImportAp("#" + planUuid, "The plan is described in the back matter."),
            [result],
            new BackMatter(resources)));
    }

    private static Observation Observation(AssessedControl assessed, OscalIdentifiers ids, string[] scope, string collected)
    {
        var (control, evidence, status, samples) = assessed;
        var coverage = evidence.Coverage;
        var operation = evidence.Operation;
        var props = new List<Property>
        {
            OscalJson.Prop("status", status),
            OscalJson.Prop("evidence-count", evidence.EvidenceCount),
        };
        props.AddRange(evidence.Outcomes.Select(o => OscalJson.Prop("evidence-count", o.Value, o.Key == ControlEvidenceBuilder.NoOutcome ? "no-outcome" : o.Key)));
        props.Add(OscalJson.Prop("days-with-evidence", coverage.DaysWithEvidence));
        props.Add(OscalJson.Prop("observation-days", coverage.Days));
        props.Add(OscalJson.Prop("periods-required", operation.Required));
        props.Add(OscalJson.Prop("periods-operated", operation.Operated));
        props.Add(OscalJson.Prop("exception-count", operation.Exceptions.Count));
        props.AddRange(operation.Exceptions.Select(e => OscalJson.Prop("exception", e.Period)));

        string exceptions = operation.Exceptions.Count == 0
            ? $"No exceptions: it operated in {operation.Operated} of {operation.Required} required {operation.Period} period(s)."
            : $"{operation.Exceptions.Count} exception period(s): " + string.Join("; ", operation.Exceptions.Select(e => e.Period + " (" + e.Reason + ")")) + ".";
        string description = assessed.Status == AssessmentStatus.Manual
            ? "A manual control: its evidence is documents to request; no audit event is evidence of it."
            : $"{evidence.Summary}. Evidence on {coverage.DaysWithEvidence} of {coverage.Days} days. {exceptions}";

        var relevant = new List<RelevantEvidence>
        {
            new($"The population: all {OscalJson.Count(evidence.EvidenceCount)} evidence events of {control.Id} in the window, one row each in the report's CSV population.", null),
        };
        relevant.AddRange(samples.Select(s => new RelevantEvidence(
            $"Sample event `{s.Id}`: {s.Type}{(s.Outcome is null ? string.Empty : " (" + s.Outcome + ")")} by {s.Actor} at {s.Time}.",
            IsOscalString(s.Id) ? [OscalJson.Prop("event-id", s.Id), OscalJson.Prop("event-time", s.Time)] : [OscalJson.Prop("event-time", s.Time)])));

        return new Observation(
            ids.Uuid(["observation", .. scope, control.Id]),
            $"{control.Id} {control.Name}: {OscalJson.Count(evidence.EvidenceCount)} evidence events",
            description,
            props,
            Methods,
            ObservationTypes,
            [new SubjectReference(ids.Uuid("component", control.Id), "component", control.Id + " " + control.Name)],
            relevant,
            collected,
            null);
    }

    private static Finding Finding(AssessedCriterion assessed, ReportAssessment assessment, Dictionary<string, Observation> observations, OscalIdentifiers ids, string[] scope)
    {
        var (criterion, framework, status, controls) = assessed;
        string named = string.Join(", ", controls);
        string description = status switch
        {
            AssessmentStatus.Operating => $"Operating: the controls that claim it ({named}) operated in every period their cadence requires.",
            AssessmentStatus.Exceptions => $"Exceptions: of the controls that claim it ({named}), "
                + string.Join(", ", assessment.Controls.Where(c => controls.Contains(c.Control.Id) && c.Status == AssessmentStatus.Exceptions).Select(c => c.Control.Id))
                + " have required periods without the evidence their rules ask for.",
            AssessmentStatus.Unproven => $"Unproven: the controls that claim it ({named}) have neither evidence rules nor a manual declaration.",
            AssessmentStatus.Manual => $"Manual: of the controls that claim it ({named}), some are manual; their documents are evidence to request.",
            AssessmentStatus.NotOccurring => $"Not occurring: the controls that claim it ({named}) have no evidence event in the window, so they could not be observed operating.",
            _ => $"No control of the controls catalog claims this {framework.Name} criterion.",
        };
        bool satisfied = status == AssessmentStatus.Operating;
        string reason = satisfied ? "pass" : status == AssessmentStatus.Exceptions ? "fail" : "other";
        var related = controls.Where(observations.ContainsKey).Select(c => new RelatedObservation(observations[c].Uuid)).ToArray();
        return new Finding(
            ids.Uuid(["finding", .. scope, criterion.Id]),
            criterion.Id + " " + criterion.Title,
            description,
            [OscalJson.Prop("status", status), OscalJson.Prop("framework-id", framework.Id)],
            new FindingTarget("objective-id", criterion.Id, criterion.Title, new ObjectiveStatus(satisfied ? "satisfied" : "not-satisfied", reason)),
            related.Length == 0 ? null : related);
    }

    /// <summary>OSCAL's string type: not empty, no whitespace at either end.</summary>
    private static bool IsOscalString(string value) => value.Length > 0 && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]);

    private static DateTimeOffset ParseUtc(string time) =>
        DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
