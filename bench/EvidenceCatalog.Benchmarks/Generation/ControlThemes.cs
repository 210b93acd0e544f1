using System.Collections.Immutable;

namespace EvidenceCatalog.Benchmarks.Generation;

/// <summary>An evidence rule a theme may use: an event type, the outcomes that count (empty: all) and what they show.</summary>
internal sealed record EvidenceTemplate(string EventType, ImmutableArray<string> Outcomes, string Description);

/// <summary>A family of generated controls: one id prefix, one owner, the criteria and evidence that fit the family.</summary>
internal sealed record ControlTheme(
    string Prefix,
    string Owner,
    ImmutableArray<string> Names,
    string DescriptionFormat,
    ImmutableArray<string> Criteria,
    ImmutableArray<EvidenceTemplate> Evidence);

/// <summary>The themes, written to look like a real organisation's controls. Ids are PREFIX-NNN (3 digits), unlike the samples' 2.</summary>
internal static class ControlThemes
{
    public static readonly ImmutableArray<ControlTheme> All =
    [
        new("GACC", "Security Engineering",
            ["Access enforcement", "Least privilege", "Privileged access", "Service account access", "Session management"],
            "Requests to the {0} are authenticated with SSO and MFA and authorised by the central policy engine, which denies by default and logs each decision.",
            ["CC6.1", "CC6.2", "CC6.3"],
            [
                new("policy.decision", ["allow", "deny"], "Authorisation decisions taken by the policy engine for the service."),
                new("auth.login", ["success", "failure"], "Sign-in attempts, showing that authentication is enforced."),
                new("auth.mfa", [], "Second-factor challenges during sign-in."),
                new("api.call", ["deny"], "API calls refused at the gateway."),
            ]),
        new("GIDM", "IT Operations",
            ["Joiner provisioning", "Leaver deprovisioning", "Role change review", "Access recertification", "Break-glass access"],
            "Access to the {0} is granted only through approved requests and removed within one business day of offboarding or a role change.",
            ["CC6.2", "CC6.3", "CC6.5"],
            [
                new("access.granted", ["approved", "break_glass"], "Access grants, each tied to an approved request or a break-glass procedure."),
                new("access.revoked", [], "Access removals on offboarding, role change, review findings or expiry."),
                new("access.review_completed", ["completed", "completed_with_findings"], "Completed access reviews for the service."),
            ]),
        new("GCRY", "Platform Security",
            ["Key rotation", "Encryption at rest", "Customer managed keys", "Secret storage", "Certificate renewal"],
            "Data held by the {0} is encrypted with keys kept in the key vault and rotated on a fixed schedule; a failed rotation raises an alert.",
            ["CC6.1", "CC6.7", "C1.1"],
            [
                new("crypto.key_rotated", ["success", "failure"], "Key rotations performed for the service and their result."),
            ]),
        new("GDLP", "Security Engineering",
            ["Outbound transfer inspection", "Export approval", "PII redaction", "Share link control", "Bulk download limits"],
            "Customer content leaving the {0} passes through the DLP gateway, which intercepts or denies transfers that break policy.",
            ["CC6.7", "C1.1", "C1.2", "P4.1"],
            [
                new("dlp.transmission", ["intercepted", "denied", "allowed"], "Transfers inspected by the DLP gateway and the decision taken on each."),
                new("pii.detection", ["redacted", "blocked"], "PII found in outbound content and what was done with it."),
                new("anomaly.destructive_pattern", [], "Mass deletion or bulk export patterns flagged or blocked."),
            ]),
        new("GNET", "Platform Engineering",
            ["Perimeter filtering", "Rate limiting", "Network segmentation", "WAF rule coverage", "Origin protection"],
            "Traffic to the {0} is filtered at the edge; malicious or abusive addresses are blocked before they reach the ingress gateway.",
            ["CC6.6", "CC6.8"],
            [
                new("network.ip_blocked", ["blocked"], "Addresses blocked at the edge by WAF rules or rate limits."),
                new("anomaly.alert", ["rate_limit_exceeded", "geo_anomaly"], "Anomalies in request rate or origin detected for the service."),
            ]),
        new("GMON", "Site Reliability Engineering",
            ["Health monitoring", "Anomaly detection", "Alert routing", "Synthetic checks", "Capacity alerting"],
            "The {0} is watched by synthetic heartbeats and anomaly detectors; a missed heartbeat or an anomaly pages the on-call engineer.",
            ["CC7.1", "CC7.2", "A1.1"],
            [
                new("monitoring.heartbeat", ["ok", "missed"], "Heartbeat checks of the service by synthetic monitoring."),
                new("anomaly.alert", [], "Alerts raised by anomaly detectors on the service."),
            ]),
        new("GINC", "Security Operations",
            ["Incident declaration", "Incident resolution", "Post-incident review", "Severity assignment", "Customer notification"],
            "Incidents affecting the {0} are declared with a severity, worked to resolution under the runbook and reviewed afterwards.",
            ["CC7.3", "CC7.4", "CC7.5"],
            [
                new("incident.opened", ["p1", "p2", "p3", "p4"], "Incidents declared for the service, with their severity."),
                new("incident.resolved", ["resolved", "false_positive"], "Incidents closed after resolution or dismissed."),
            ]),
        new("GCHG", "Platform Engineering",
            ["Change deployment", "Rollback readiness", "Release approval", "Infrastructure change", "Configuration change"],
            "Changes to the {0} are reviewed in a pull request, tested in CI and deployed by the pipeline; failed deployments roll back automatically.",
            ["CC8.1", "CC7.1"],
            [
                new("change.deployed", ["success", "failure", "rolled_back"], "Production deployments of the service and their result."),
            ]),
        new("GVEN", "Governance, Risk and Compliance",
            ["Vendor due diligence", "Vendor risk review", "Sub-processor approval", "Contract security terms", "Vendor offboarding"],
            "Vendors supporting the {0} are reviewed for risk before onboarding and at least once a year, with conditions tracked to closure.",
            ["CC9.2", "CC3.4"],
            [
                new("vendor.review_completed", ["approved", "approved_with_conditions", "rejected"], "Vendor reviews signed off for the service."),
            ]),
        new("GBCP", "Site Reliability Engineering",
            ["Backup execution", "Restore testing", "Backup retention", "Cross-region recovery", "Recovery point objective"],
            "Data stores of the {0} are backed up on schedule and restored into an isolated account each quarter to prove recovery.",
            ["A1.2", "A1.3", "CC7.5"],
            [
                new("backup.completed", ["success", "failure"], "Scheduled backups of the service's data stores."),
                new("backup.restore_tested", [], "Restore tests of the service's backups."),
            ]),
    ];
}
